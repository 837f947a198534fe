import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import type { TrustProxy } from "@/lib/security/trust-proxy";

// Headers a client could send to pass for someone else, or to point links elsewhere.
const UNTRUSTED = ["x-real-ip", "forwarded", "x-forwarded-server", "x-original-host"] as const;

type Resolve = (req: IncomingMessage) => string;

/** The client's address under TRUST_PROXY: the rightmost X-Forwarded-For entry no trusted proxy added. */
export function clientResolver(trust: TrustProxy): Resolve {
  if (trust === false) return (req) => req.socket.remoteAddress ?? "unknown";
  const trusted = typeof trust === "number" ? (_addr: string, hop: number) => hop < trust : proxyaddr.compile(trust);
  return (req) => proxyaddr(req, trusted);
}

/** `::ffff:203.0.113.9` and `203.0.113.9` are one client. */
function plainAddress(address: string) {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/**
 * Decides, once per request and before anything else reads it, who the client
 * is and which scheme and host the portal answers on. Everything after the
 * edge (counting, limits, Next.js, Auth.js) sees only these values: the
 * client's address in CLIENT_ADDRESS_HEADER (and as the only
 * X-Forwarded-For entry), the scheme and host of APP_URL, whatever the client
 * or a proxy wrote.
 */
export function createForwarding({ trust, appUrl }: { trust: TrustProxy; appUrl: string }) {
  const resolve = clientResolver(trust);
  const url = new URL(appUrl);
  const proto = url.protocol.slice(0, -1);
  const port = url.port || (proto === "https" ? "443" : "80");
  return (req: IncomingMessage) => {
    const headers = req.headers;
    const client = plainAddress(resolve(req));
    for (const name of UNTRUSTED) delete headers[name];
    headers[CLIENT_ADDRESS_HEADER] = client;
    headers["x-forwarded-for"] = client;
    headers["x-forwarded-host"] = url.host;
    headers["x-forwarded-proto"] = proto;
    headers["x-forwarded-port"] = port;
    // An absolute-form target (`GET http://elsewhere/ko`) names a host too: keep only its path.
    if (req.url && !req.url.startsWith("/") && req.url !== "*") {
      try {
        const target = new URL(req.url);
        req.url = `${target.pathname}${target.search}`;
      } catch {
        req.url = "/";
      }
    }
  };
}

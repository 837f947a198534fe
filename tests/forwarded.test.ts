import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "@/lib/security/client-address";
import type { TrustProxy } from "@/lib/security/trust-proxy";
import { createForwarding } from "@/server/forwarded";

const APP_URL = "https://perspectives.example.org";

/** A request as Node's HTTP server hands it over: a socket address and the client's headers. */
function request(socket: string, headers: Record<string, string>, url = "/en/publications/1"): IncomingMessage {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const sock = { remoteAddress: socket };
  return { url, headers: lower, socket: sock, connection: sock } as unknown as IncomingMessage;
}

function decide(trust: TrustProxy, socket: string, headers: Record<string, string> = {}, url?: string) {
  const req = request(socket, headers, url);
  createForwarding({ trust, appUrl: APP_URL })(req);
  return req;
}

const clientOf = (req: IncomingMessage) => clientAddress(new Headers(req.headers as Record<string, string>));

describe("the client's address, decided at the edge", () => {
  it("is the socket's when no proxy is trusted, whatever the client claims", () => {
    const req = decide(false, "198.51.100.20", {
      "X-Forwarded-For": "203.0.113.1",
      "X-Real-IP": "203.0.113.2",
      Forwarded: "for=203.0.113.3",
      [CLIENT_ADDRESS_HEADER]: "203.0.113.4",
    });
    expect(clientOf(req)).toBe("198.51.100.20");
    expect(req.headers["x-forwarded-for"]).toBe("198.51.100.20");
    expect(req.headers["x-real-ip"]).toBeUndefined();
    expect(req.headers.forwarded).toBeUndefined();
  });

  it("is the entry one trusted proxy appended, not the client's own entries before it", () => {
    const req = decide(1, "10.0.0.5", { "x-forwarded-for": "203.0.113.66, 198.51.100.7" });
    expect(clientOf(req)).toBe("198.51.100.7");
  });

  it("walks through exactly two proxies with TRUST_PROXY=2", () => {
    expect(clientOf(decide(2, "10.0.0.5", { "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.0.0.9" }))).toBe("198.51.100.7");
  });

  it("walks through the listed proxies only, stopping at the first address not on the list", () => {
    const trust = ["10.0.0.0/8", "loopback"];
    expect(clientOf(decide(trust, "127.0.0.1", { "x-forwarded-for": "203.0.113.66, 198.51.100.7, 10.1.2.3" }))).toBe(
      "198.51.100.7",
    );
    // A client reaching the portal directly, not through a listed proxy, is the socket, whatever it writes.
    expect(clientOf(decide(trust, "198.51.100.99", { "x-forwarded-for": "10.0.0.1" }))).toBe("198.51.100.99");
  });

  it("treats an IPv4-mapped IPv6 socket address as the IPv4 address", () => {
    expect(clientOf(decide(false, "::ffff:198.51.100.20"))).toBe("198.51.100.20");
  });
});

describe("the scheme and host, decided by APP_URL", () => {
  it("replaces forged Host-like headers a client sent with APP_URL's", () => {
    const req = decide(1, "10.0.0.5", {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "http",
      "x-forwarded-port": "8080",
    });
    expect(req.headers["x-forwarded-host"]).toBe("perspectives.example.org");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
    expect(req.headers["x-forwarded-port"]).toBe("443");
  });

  it("keeps only the path of an absolute-form request target", () => {
    expect(decide(false, "198.51.100.20", {}, "http://evil.example/ko/publications?q=x").url).toBe("/ko/publications?q=x");
  });
});

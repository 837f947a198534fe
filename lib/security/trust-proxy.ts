// TRUST_PROXY: which hops in front of the portal may name the client. Parsed
// here (for lib/env.ts) and applied by the edge (server/forwarded.ts).
import proxyaddr from "proxy-addr";

/** false: no proxy, the socket is the client; a number: that many proxies; a list: proxies at these addresses. */
export type TrustProxy = false | number | string[];

const MAX_HOPS = 10;
const NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

export function parseTrustProxy(raw: string | undefined): { ok: true; trust: TrustProxy } | { ok: false; message: string } {
  const value = raw?.trim().toLowerCase() ?? "";
  if (value === "" || value === "false" || value === "0") return { ok: true, trust: false };
  // "true" (trust every hop) would let any client name itself: refused, not guessed at.
  if (value === "true") {
    return { ok: false, message: "must be false, a number of proxies (1, 2) or the proxies' addresses, not true" };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) return { ok: false, message: `must be at most ${MAX_HOPS} proxies` };
    return { ok: true, trust: hops };
  }
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    // proxy-addr validates every address and CIDR (and the names loopback, linklocal, uniquelocal).
    proxyaddr.compile(list);
  } catch {
    const bad = list.find((entry) => !NAMES.has(entry) && !isValidEntry(entry)) ?? value;
    return { ok: false, message: `has an entry that is not an IP address or CIDR range: ${bad}` };
  }
  return { ok: true, trust: list };
}

function isValidEntry(entry: string) {
  try {
    proxyaddr.compile(entry);
    return true;
  } catch {
    return false;
  }
}

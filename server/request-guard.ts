import type { IncomingMessage, ServerResponse } from "node:http";
import { allowedMethods, decodedPath, FORMS } from "@/lib/edge/routes";

// Methods no route answers get 405 here, before Next.js: TRACE and unknown
// methods used to end in a 500 with a stack trace, PUT or PROPFIND on a page
// in a 200 with the whole page. Which route answers what is the route table's
// (lib/edge/routes.ts).
const ACTION_ID = /^[0-9a-f]{42}$/i;

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(status === 204 ? undefined : `${message}\n`);
}

/**
 * Answers a request that no route can serve right (405, 400) or that only
 * asks which methods exist (OPTIONS); true when it has been answered.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const path = decodedPath(req.url ?? "/");
  // %FF, %C0%AF, a lone surrogate or a bare % cannot name any page: said here, not by a 500 deeper down.
  if (path === null) return (refuse(res, 400, "Bad request: the address has a malformed %-escape."), true);
  // No page or file is named with a NUL (query values are cleaned by their schemas: lib/validations/text.ts).
  if (path.includes("\u0000")) return (refuse(res, 400, "Bad request: the address contains a NUL character."), true);
  const allowed = allowedMethods(path);
  const method = req.method ?? "GET";
  if (method === "OPTIONS") return (refuse(res, 204, "", { Allow: [...allowed, "OPTIONS"].join(", ") }), true);
  // A page's form posts come from Next's own client (the Next-Action header): a bare POST
  // (a malformed multipart body above all) would reach its form parser and end in a 500.
  if (method === "POST" && allowed === FORMS && !path.startsWith("/api/")) {
    const action = req.headers["next-action"];
    if (action === undefined) {
      refuse(res, 405, "This form is sent by the page's own script: open the page and use its form.", { Allow: "GET, HEAD" });
      return true;
    }
    // Next's action ids are 42 hex digits; anything else would end in a stack trace in the log.
    if (typeof action !== "string" || !ACTION_ID.test(action))
      return (refuse(res, 400, "Bad request: not a form of this site."), true);
  }
  if (!allowed.includes(method)) {
    refuse(res, 405, `Method ${method.slice(0, 20)} is not allowed here.`, { Allow: allowed.join(", ") });
    return true;
  }
  return false;
}

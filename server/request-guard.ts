import type { IncomingMessage, ServerResponse } from "node:http";
import { locales } from "@/lib/i18n/routing";

// Which methods each kind of path answers, first match wins. Pages answer
// GET and HEAD, and POST only where a form (a server action) posts back to
// them; route handlers answer what they export. Anything else gets 405 here,
// before Next.js: TRACE and unknown methods used to end in a 500 with a
// stack trace, PUT or PROPFIND on a page in a 200 with the whole page.
const READ = ["GET", "HEAD"] as const;
const FORMS = ["GET", "HEAD", "POST"] as const;
const L = `(?:${locales.join("|")})`;
const ACTION_ID = /^[0-9a-f]{42}$/i;

const ROUTES: [RegExp, readonly string[]][] = [
  [/^\/api\/auth\//, FORMS],
  [/^\/api\/admin\/publications\/[^/]+\/attachments\/?$/, FORMS],
  [/^\/api\/admin\/publications\/[^/]+\/attachments\/[^/]+\/?$/, ["PUT", "DELETE"]],
  [/^\/api\//, READ],
  [new RegExp(`^/${L}/admin/stats/export/`), READ],
  [new RegExp(`^/${L}/(?:admin|sign-in)(?:/|$)`), FORMS],
  // The publication page's own form: "Send Email".
  [new RegExp(`^/${L}/publications/[1-9]\\d*/?$`), FORMS],
  [/^/, READ],
];

/** The methods a path answers. */
export function allowedMethods(pathname: string): readonly string[] {
  return ROUTES.find(([pattern]) => pattern.test(pathname))![1];
}

/** The path of a request target, or null when it is not one a browser could send (a malformed %-escape). */
export function decodedPath(url: string): string | null {
  const end = url.search(/[?#]/);
  const raw = end === -1 ? url : url.slice(0, end);
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function refuse(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(status === 204 ? undefined : `${message}\n`);
}

/**
 * Answers a request that no route can serve right (405, 400) or that only
 * asks which methods exist (OPTIONS); true when it has been answered.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? "/";
  const path = decodedPath(url);
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

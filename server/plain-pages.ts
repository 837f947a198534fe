// Reader pages as plain HTML: a paper's page, the catalogue's (the listing,
// its filters, its searches) and the other reader pages (front, series,
// topic and author pages, the statements: `plain` in lib/edge/routes.ts)
// as Next.js renders them, sent without React's scripts and component data
// (lib/render/static-page.ts). The page copy and the stored pages keep a
// paper's page so already (page-cache.ts); this is for the pages Next
// answers itself: a paper's first request, before it is stored, and every
// other. Why: nothing on them needs React in the browser (a paper's tools
// are islands, the listing's filters a GET form and links, its fold on a
// phone a line of inline script), yet hydrating the listing kept a phone's
// main thread busy for 0.5 to 1.2 s (Lighthouse's Total Blocking Time)
// before a reader could scroll, and a paper's page with its component data
// weighed twice its body.
//
// Next writes the page to the response as it renders; here the response keeps
// what is written until Next ends it, cuts React out, and sends the page
// whole, compressed if the reader accepts gzip (Next's own compression is
// kept off for it: it would squeeze what is still to be cut). The pages are
// tens of kilobytes and mostly answered from Next's cache, so little is held
// for long.
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import fresh from "fresh";
import { withoutReact } from "@/lib/render/static-page";
import { etagOf, readerPageRequest, wantsGzip } from "./page-cache";

// In libuv's threads, as Next's own compression was: not on the event loop every request shares.
const compress = promisify(gzip);

/** Smaller than this, a page goes plain: gzip's header would eat most of what it saves. */
const GZIP_FROM_BYTES = 1024;

/** Adds Accept-Encoding to the names the answer varies by (Next's: RSC and its router's headers). */
function varyByEncoding(res: ServerResponse) {
  const names = String(res.getHeader("vary") ?? "");
  if (!/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(names))
    res.setHeader("vary", names ? `${names}, Accept-Encoding` : "Accept-Encoding");
}

const chunkBuffer = (chunk: unknown, encoding?: BufferEncoding) =>
  Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, encoding) : Buffer.from(chunk as Uint8Array);

/**
 * Makes `res` send Next's page for `req` without React, if it is a page as a
 * reader asks for it (GET, not Next's navigation data, not a preview);
 * otherwise leaves both as they are. Call before handing the request to Next.
 */
export function sendPlain(req: IncomingMessage, res: ServerResponse): void {
  // HEAD: Next ends it with no body, and names the length of the page it did not send.
  if (req.method !== "GET" || !readerPageRequest(req)) return;
  const acceptsGzip = wantsGzip(req);
  delete req.headers["accept-encoding"];
  const chunks: Buffer[] = [];
  const original = {
    write: res.write.bind(res),
    end: res.end.bind(res),
    writeHead: res.writeHead.bind(res),
    flushHeaders: res.flushHeaders.bind(res),
  };
  const restore = () => Object.assign(res, original);

  // Nothing goes out before the page is whole: its length and validator change.
  res.flushHeaders = () => undefined;
  // Recorded, and written by the response's own writeHead when the page goes (server/database-outage.ts turns a 500 into a 503 there).
  res.writeHead = ((status: number, ...rest: (string | OutgoingHttpHeaders | OutgoingHttpHeader[])[]) => {
    res.statusCode = status;
    const headers = rest.find((r) => typeof r === "object");
    if (Array.isArray(headers)) {
      // Node's raw form: name, value, name, value…
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1]!);
    } else {
      for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) res.setHeader(name, value);
    }
    return res;
  }) as typeof res.writeHead;
  res.write = ((chunk: unknown, encoding?: BufferEncoding | (() => void), callback?: () => void) => {
    chunks.push(chunkBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: BufferEncoding | (() => void), callback?: () => void) => {
    restore();
    const done = typeof chunk === "function" ? (chunk as () => void) : typeof encoding === "function" ? encoding : callback;
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function")
      chunks.push(chunkBuffer(chunk, typeof encoding === "string" ? encoding : undefined));
    const page = Buffer.concat(chunks);
    if (res.statusCode !== 200 || !String(res.getHeader("content-type") ?? "").startsWith("text/html")) {
      // Not a page to cut (a redirect, a 404, a 304 with no body): as Next wrote it, uncompressed.
      return res.end(page, done);
    }
    // Ended already, as Next sees it: another end() while the page is compressed changes nothing.
    res.end = (() => res) as typeof res.end;
    const send = (body?: Buffer) => {
      res.end = original.end;
      if (body) original.end(body, done);
      else original.end(done);
    };
    void sendPage(req, res, Buffer.from(withoutReact(page.toString("utf8"))), acceptsGzip, send);
    return res;
  }) as typeof res.end;
}

/**
 * The page as sent: its own validator (a 304 where the reader has it) where
 * Next gave one, or `validate` says, its length, gzipped where accepted.
 */
export async function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  page: Buffer,
  acceptsGzip: boolean,
  send: (body?: Buffer) => void,
  validate = res.hasHeader("etag"),
) {
  varyByEncoding(res);
  if (validate) {
    const etag = etagOf(page);
    res.setHeader("etag", etag);
    if (fresh(req.headers, { etag })) {
      res.statusCode = 304;
      for (const name of ["content-type", "content-length", "content-encoding"]) res.removeHeader(name);
      send();
      return;
    }
  }
  // Not compressed (out of memory, say): sent plain.
  const body = acceptsGzip && page.length >= GZIP_FROM_BYTES ? await compress(page).catch(() => page) : page;
  if (body !== page) res.setHeader("content-encoding", "gzip");
  res.setHeader("content-length", body.length);
  send(body);
}

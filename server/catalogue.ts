import type { IncomingMessage } from "node:http";
import { listingKey } from "@/lib/validations/listing-key";

/**
 * The request header that names a catalogue request's cached page. The
 * rewrite in next.config.mjs serves `/{locale}/publications?…` from
 * `/{locale}/publications/view/{key}` when it is present, and proxy.ts's
 * matcher skips such requests: a declarative rewrite costs far less than
 * running the proxy.
 */
export const LISTING_KEY_HEADER = "x-perspectives-listing-key";

const CATALOGUE = /^\/(?:ko|en)\/publications(?:\?|$)/;

/** Sets the header for a catalogue request with a valid query, and drops one a client sent itself. */
export function markCatalogueRequest(req: IncomingMessage) {
  delete req.headers[LISTING_KEY_HEADER];
  if (req.method !== "GET" || !req.url || !CATALOGUE.test(req.url)) return;
  const query = req.url.indexOf("?");
  const key = listingKey(new URLSearchParams(query === -1 ? "" : req.url.slice(query + 1)));
  if (key) req.headers[LISTING_KEY_HEADER] = key;
}

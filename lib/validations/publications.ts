import { z } from "zod";
import { pageNumberSchema } from "./pagination";
import { plainText } from "./text";

/** Positive database id from a URL segment; anything else is "not found", never an error. */
export const publicationIdSchema = z.coerce.number().int().positive().max(2_147_483_647);
export const idSchema = publicationIdSchema;

export const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const SEARCH_MAX_LENGTH = 200;

const ignoreInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * Listing query string. A bad value is dropped rather than failing the page
 * (`page=-3` is page 1, `year=abc` no year); an over-long search is dropped
 * and reported, so the page can say why.
 */
export const listingQuerySchema = z.object({
  page: pageNumberSchema.default(1),
  series: ignoreInvalid(slugSchema),
  year: ignoreInvalid(z.coerce.number().int().min(1900).max(2200)),
  topic: ignoreInvalid(slugSchema),
  region: ignoreInvalid(slugSchema),
  author: ignoreInvalid(idSchema),
  q: ignoreInvalid(z.string().transform(plainText).pipe(z.string().min(1))),
  /** With a search, results come by relevance unless the reader asks for the newest first. */
  sort: ignoreInvalid(z.enum(["relevance", "newest"])),
});

export type ListingQuery = z.infer<typeof listingQuerySchema>;
export type ListingProblem = "searchTooLong";

/** Parses Next's searchParams, one value per key. */
export function parseListingQuery(params: Record<string, string | string[] | undefined>): {
  query: ListingQuery;
  problems: ListingProblem[];
} {
  const raw = firstValues(params);
  const problems: ListingProblem[] = [];
  if (raw.q !== undefined && raw.q.length > SEARCH_MAX_LENGTH) {
    problems.push("searchTooLong");
    delete raw.q;
  }
  const query = listingQuerySchema.parse(raw);
  // One address per listing: relevance is the default order of a search, and a listing without one has no order to choose.
  if (query.q === undefined || query.sort === "relevance") delete query.sort;
  return { query, problems };
}

/** Reads one value per key, as Next passes string | string[] | undefined. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** The filters as a query string object, for links that keep them. */
export function listingQueryToParams(query: Omit<ListingQuery, "page">): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["series", "year", "topic", "region", "author", "q", "sort"] as const) {
    const v = query[key];
    if (v !== undefined) out[key] = String(v);
  }
  return out;
}

/** "Search in this paper": the words, as plain text; anything else finds nothing (never an error). */
export const findInPaperSchema = z.object({
  q: z.string().transform(plainText).pipe(z.string().min(1).max(SEARCH_MAX_LENGTH)),
});

import { z } from "zod";

/** Positive database id from a URL segment; anything else is "not found", never an error. */
export const publicationIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Listing query string: bad values fall back to defaults rather than failing the page. */
export const listingQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type ListingQuery = z.infer<typeof listingQuerySchema>;

/** Reads one value per key, as Next passes string | string[] | undefined. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

import { z } from "zod";

/** A page number from the query string: anything that is not one is page 1, never an error. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

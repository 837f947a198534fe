import { ID_PATTERN } from "@/lib/edge/routes";

const MAX_ID = 2_147_483_647; // PostgreSQL integer
const ID = new RegExp(`^${ID_PATTERN}$`);

/** A database id from a URL segment: plain decimal digits only ("1e3", "0x10", " 7" are not ids). */
export function parseRouteId(segment: string): number | null {
  if (!ID.test(segment)) return null;
  const id = Number(segment);
  return id <= MAX_ID ? id : null;
}

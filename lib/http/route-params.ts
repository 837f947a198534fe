const MAX_ID = 2_147_483_647; // PostgreSQL integer

/** A database id from a URL segment: plain decimal digits only ("1e3", "0x10", " 7" are not ids). */
export function parseRouteId(segment: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= MAX_ID ? id : null;
}

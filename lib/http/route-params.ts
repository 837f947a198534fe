import { ID_PATTERN } from "@/lib/edge/routes";
import { isLocale, type Locale } from "@/lib/i18n/routing";

const MAX_ID = 2_147_483_647; // PostgreSQL integer
const ID = new RegExp(`^${ID_PATTERN}$`);

/** A database id from a URL segment: plain decimal digits only ("1e3", "0x10", " 7" are not ids). */
export function parseRouteId(segment: string): number | null {
  if (!ID.test(segment)) return null;
  const id = Number(segment);
  return id <= MAX_ID ? id : null;
}

/** A publication route's `[locale]` and `[id]`, or null when either names nothing (the route answers 404). */
export async function publicationRouteParams(
  params: Promise<{ locale: string; id: string }>,
): Promise<{ locale: Locale; publicationId: number } | null> {
  const { locale, id } = await params;
  const publicationId = parseRouteId(id);
  return isLocale(locale) && publicationId !== null ? { locale, publicationId } : null;
}

import "server-only";
import { db } from "@/lib/db";
import { publicPublicationWhere } from "./visibility";

/** The fields of an author's profile, in both languages: what readers see and editors edit. */
export const authorProfileSelect = {
  nameKo: true,
  nameEn: true,
  positionKo: true,
  positionEn: true,
  affiliationKo: true,
  affiliationEn: true,
  bioKo: true,
  bioEn: true,
} as const;

/** An author's profile, or null when they have no public publication (drafts reveal nobody). */
export async function getPublicAuthor(id: number) {
  return db.author.findFirst({
    where: { id, authorships: { some: { publication: publicPublicationWhere() } } },
    select: { id: true, ...authorProfileSelect },
  });
}

export async function getAuthorName(id: number) {
  return db.author.findUnique({ where: { id }, select: { id: true, nameKo: true, nameEn: true } });
}

export type PublicAuthor = NonNullable<Awaited<ReturnType<typeof getPublicAuthor>>>;

import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What readers may see: published, or scheduled with its time come. A
 * scheduled paper therefore appears on time without any job flipping it.
 */
export function publicPublicationWhere(now = new Date()): Prisma.PublicationWhereInput {
  return { status: { in: ["published", "scheduled"] }, publishedAt: { lte: now } };
}

/** The same rule for one row already loaded: is it public now? */
export function isPublicNow(p: { status: string; publishedAt: Date | null }, now = new Date()): boolean {
  return (p.status === "published" || p.status === "scheduled") && p.publishedAt !== null && p.publishedAt <= now;
}

/** The same rule in SQL, for raw queries, on the table aliased `alias`. */
export function publicPublicationSql(alias: string): string {
  if (!/^[a-z]\w*$/.test(alias)) throw new Error(`Bad SQL alias: ${alias}`);
  return `${alias}.status IN ('published', 'scheduled') AND ${alias}."publishedAt" <= now()`;
}

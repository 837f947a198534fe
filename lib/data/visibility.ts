import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * What readers may see: published, or scheduled with its time come. A
 * scheduled paper therefore appears on time without any job flipping it.
 */
export function publicPublicationWhere(now = new Date()): Prisma.PublicationWhereInput {
  return { status: { in: ["published", "scheduled"] }, publishedAt: { lte: now } };
}

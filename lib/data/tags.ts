import "server-only";
import { db } from "@/lib/db";

const tagSelect = { id: true, slug: true, nameKo: true, nameEn: true };

export async function listTopics() {
  return db.topic.findMany({ orderBy: { nameEn: "asc" }, select: tagSelect });
}

export async function listRegions() {
  return db.region.findMany({ orderBy: { nameEn: "asc" }, select: tagSelect });
}

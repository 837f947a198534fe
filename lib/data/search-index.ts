import "server-only";
import { db } from "@/lib/db";
import { documentTokens } from "@/lib/search/document";

/** Papers indexed per transaction: small enough that a batch of long PDFs stays well within its time. */
const BATCH = 10;
const BATCH_TIMEOUT_MS = 60_000;

/** How many papers wait to be (re-)indexed. */
export async function searchQueueLength(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "SearchQueue"`;
  return row?.n ?? 0;
}

/** Queues every paper, for `npm run search:reindex` (a changed tokenizer). */
export async function queueAllPapers(): Promise<number> {
  return db.$executeRaw`INSERT INTO "SearchQueue" ("publicationId") SELECT id FROM "Publication"
    ON CONFLICT ("publicationId") DO NOTHING`;
}

/**
 * Indexes one batch of queued papers and takes them off the queue, in one
 * transaction. Several instances share the queue: each takes rows the others
 * have not locked (SKIP LOCKED). A paper changed while it is being indexed is
 * queued again by its trigger once this transaction ends, and indexed anew.
 * Returns how many were taken.
 */
export async function indexQueuedBatch(): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const queued = await tx.$queryRaw<{ publicationId: number }[]>`
        SELECT "publicationId" FROM "SearchQueue" ORDER BY "queuedAt", "publicationId"
        LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      if (queued.length === 0) return 0;
      const ids = queued.map((q) => q.publicationId);
      // Read outside the transaction's connection: Prisma loads the relations with parallel queries, which one connection would serialize.
      const papers = await db.publication.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          reportNumber: true,
          title: true,
          subtitle: true,
          summary: true,
          body: true,
          series: { select: { nameKo: true, nameEn: true } },
          authors: { select: { author: { select: { nameKo: true, nameEn: true } } } },
          topics: { select: { topic: { select: { nameKo: true, nameEn: true } } } },
          regions: { select: { region: { select: { nameKo: true, nameEn: true } } } },
          attachments: { orderBy: { sortOrder: "asc" }, select: { extractedText: true } },
        },
      });
      for (const p of papers) {
        const t = documentTokens({
          reportNumber: p.reportNumber,
          title: p.title,
          subtitle: p.subtitle,
          summary: p.summary,
          body: p.body,
          seriesNames: [p.series.nameKo, p.series.nameEn],
          authorNames: p.authors.flatMap((a) => [a.author.nameKo, a.author.nameEn]),
          topicNames: p.topics.flatMap((x) => [x.topic.nameKo, x.topic.nameEn]),
          regionNames: p.regions.flatMap((x) => [x.region.nameKo, x.region.nameEn]),
          pdfTexts: p.attachments.flatMap((a) => (a.extractedText ? [a.extractedText] : [])),
        });
        await tx.$executeRaw`
          INSERT INTO "SearchDocument" ("publicationId", title, head, body, pdf, every, "titleKey", "indexedAt")
          VALUES (${p.id}, array_to_tsvector(${t.title}::text[]), array_to_tsvector(${t.head}::text[]),
            array_to_tsvector(${t.body}::text[]), array_to_tsvector(${t.pdf}::text[]),
            array_to_tsvector(${t.every}::text[]), ${t.titleKey}, now())
          ON CONFLICT ("publicationId") DO UPDATE SET title = EXCLUDED.title, head = EXCLUDED.head,
            body = EXCLUDED.body, pdf = EXCLUDED.pdf, every = EXCLUDED.every, "titleKey" = EXCLUDED."titleKey",
            "indexedAt" = EXCLUDED."indexedAt"`;
      }
      // A queued id with no paper was deleted: its document went with it (cascade).
      await tx.$executeRaw`DELETE FROM "SearchQueue" WHERE "publicationId" = ANY(${ids}::int[])`;
      return ids.length;
    },
    { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS },
  );
}

/** Indexes until the queue is empty (or `until` says stop); `onBatch` hears how many so far. */
export async function indexQueuedPapers(onBatch?: (done: number) => void, until?: AbortSignal): Promise<number> {
  let done = 0;
  for (;;) {
    if (until?.aborted) return done;
    const n = await indexQueuedBatch();
    if (n === 0) return done;
    done += n;
    onBatch?.(done);
  }
}

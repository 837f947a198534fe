// Seeds the demo catalogue. Idempotent: every row is looked up by its natural key
// and created only when missing, and existing rows are never updated, so a second
// run creates nothing, changes nothing (edits made since survive) and returns { created: 0 }.
// A new edition comes with its usage history (./history), so a second run adds no days either.
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { newStorageKey } from "@/lib/storage";
import { LocalStorage } from "@/lib/storage/local";
import { isIsoDay, siteToday } from "@/lib/stats/period";
import { authors } from "./data/authors";
import { papers } from "./data/publications";
import { series } from "./data/series";
import { demoSiteSettings } from "./data/site-settings";
import { regions, topics } from "./data/tags";
import { planPaper, validatePapers, type PlannedEdition } from "./editions";
import { editionHistory } from "./history";
import { generatePdf } from "./pdf";
import type { SeedPaper } from "./types";

export type SeedOptions = {
  databaseUrl: string;
  storageDir: string;
  log?: (msg: string) => void;
  /** The Seoul day the usage history ends before (YYYY-MM-DD); today by default. */
  today?: string;
};

const TABLES = [
  "series",
  "topics",
  "regions",
  "authors",
  "publications",
  "authorships",
  "publicationTopics",
  "publicationRegions",
  "attachments",
  "dailyStats",
  "siteSettings",
] as const;
type Tally = Record<(typeof TABLES)[number], number>;

type Ids = {
  series: Map<string, number>;
  topics: Map<string, number>;
  regions: Map<string, number>;
  authors: Map<string, number>;
};

type Context = {
  db: PrismaClient;
  store: LocalStorage;
  tally: Tally;
  ids: Ids;
  log: (msg: string) => void;
  today: string;
};

function idOf(map: ReadonlyMap<string, number>, key: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`No id for ${key}`);
  return id;
}

type Row = { id: number };

/** Looks each item's row up by its natural key and creates it only when missing; counts the new rows and keeps every id. */
async function ensureRows<T>(
  { tally, ids }: Context,
  table: keyof Ids,
  items: readonly T[],
  key: (item: T) => string,
  find: (item: T) => Promise<Row | null>,
  create: (item: T) => Promise<Row>,
) {
  for (const item of items) {
    const found = await find(item);
    const row = found ?? (await create(item));
    if (!found) tally[table]++;
    ids[table].set(key(item), row.id);
  }
}

const idOnly = { id: true } as const;

/** A table whose rows are found by slug (series, topics, regions), as Prisma's client has it. */
type SlugTable<T> = {
  findUnique(args: { where: { slug: string }; select: typeof idOnly }): Promise<Row | null>;
  create(args: { data: T; select: typeof idOnly }): Promise<Row>;
};

async function ensureBySlug<T extends { slug: string }>(
  ctx: Context,
  table: keyof Ids,
  items: readonly T[],
  model: SlugTable<T>,
) {
  await ensureRows(
    ctx,
    table,
    items,
    (item) => item.slug,
    (item) => model.findUnique({ where: { slug: item.slug }, select: idOnly }),
    (item) => model.create({ data: item, select: idOnly }),
  );
}

async function seedSeries(ctx: Context) {
  await ensureBySlug(ctx, "series", series, ctx.db.series);
}

async function seedTags(ctx: Context) {
  await ensureBySlug(ctx, "topics", topics, ctx.db.topic);
  await ensureBySlug(ctx, "regions", regions, ctx.db.region);
}

/** The demo institute's identity, unless an admin has already saved the site's own. */
async function seedSiteSettings({ db, tally }: Context) {
  const created = await db.siteSettings.createMany({ data: [demoSiteSettings], skipDuplicates: true });
  tally.siteSettings += created.count;
}

async function seedAuthors(ctx: Context) {
  const { author } = ctx.db;
  await ensureRows(
    ctx,
    "authors",
    authors,
    (a) => a.nameEn,
    // nameEn is not unique in the schema; the oldest row is the seeded one.
    (a) => author.findFirst({ where: { nameEn: a.nameEn }, orderBy: { id: "asc" }, select: idOnly }),
    (a) => author.create({ data: a, select: idOnly }),
  );
}

type PublicationRef = { id: number; translationId: number | null; created: boolean };

/** Finds or creates one edition; a new row gets its authors and tags in the same statement. */
async function ensurePublication(
  ctx: Context,
  paper: SeedPaper,
  plan: PlannedEdition,
  translationId: number | null,
): Promise<PublicationRef> {
  const { db, tally, ids } = ctx;
  const seriesId = idOf(ids.series, paper.series);
  const authorIds = paper.authors.map((name) => idOf(ids.authors, name));
  const topicIds = paper.topics.map((slug) => idOf(ids.topics, slug));
  const regionIds = paper.regions.map((slug) => idOf(ids.regions, slug));
  const key = { seriesId_reportNumber_language: { seriesId, reportNumber: plan.reportNumber, language: plan.language } };
  const found = await db.publication.findUnique({ where: key, select: { id: true, translationId: true } });

  if (!found) {
    const e = plan.edition;
    // The totals are the sum of the days, as folding keeps them: the public hit figure matches the dashboard.
    const history = editionHistory(plan, ctx.today);
    const row = await db.publication.create({
      data: {
        seriesId,
        reportNumber: plan.reportNumber,
        language: plan.language,
        translationId,
        title: e.title,
        subtitle: e.subtitle ?? null,
        summary: e.summary,
        body: e.body,
        status: plan.status,
        publishedAt: plan.publishedAt,
        baseHits: e.baseHits,
        featuredAt: paper.featured ? plan.publishedAt : null,
        viewCount: history.reduce((sum, d) => sum + d.views, 0),
        downloadCount: history.reduce((sum, d) => sum + d.downloads, 0),
        dailyStats: { createMany: { data: history.map((d) => ({ ...d, day: new Date(`${d.day}T00:00:00Z`) })) } },
        authors: { create: authorIds.map((authorId, position) => ({ authorId, position })) },
        topics: { create: topicIds.map((topicId) => ({ topicId })) },
        regions: { create: regionIds.map((regionId) => ({ regionId })) },
      },
      select: { id: true, translationId: true },
    });
    tally.publications++;
    tally.authorships += authorIds.length;
    tally.publicationTopics += topicIds.length;
    tally.publicationRegions += regionIds.length;
    tally.dailyStats += history.length;
    return { ...row, created: true };
  }

  // An earlier run may have stopped part-way: add only links that are missing.
  const existing = await db.authorship.findMany({
    where: { publicationId: found.id },
    select: { authorId: true, position: true },
  });
  const linked = new Set(existing.map((a) => a.authorId));
  const taken = new Set(existing.map((a) => a.position));
  for (const [position, authorId] of authorIds.entries()) {
    if (linked.has(authorId) || taken.has(position)) continue;
    await db.authorship.create({ data: { publicationId: found.id, authorId, position } });
    tally.authorships++;
  }
  const t = await db.publicationTopic.createMany({
    data: topicIds.map((topicId) => ({ publicationId: found.id, topicId })),
    skipDuplicates: true,
  });
  const r = await db.publicationRegion.createMany({
    data: regionIds.map((regionId) => ({ publicationId: found.id, regionId })),
    skipDuplicates: true,
  });
  tally.publicationTopics += t.count;
  tally.publicationRegions += r.count;
  return { ...found, created: false };
}

/** Whether `ko` is free to become the target of a translation link. */
async function isLinkable(db: PrismaClient, ko: PublicationRef): Promise<boolean> {
  if (ko.translationId !== null) return false;
  return (await db.publication.count({ where: { translationId: ko.id } })) === 0;
}

async function ensureAttachment(ctx: Context, publicationId: number, plan: PlannedEdition) {
  if (!plan.file) return;
  const { db, store, tally, log } = ctx;
  const pdf = await generatePdf(plan.file.pdf);
  const sha256 = createHash("sha256").update(pdf.bytes).digest("hex");
  const found = await db.attachment.findUnique({
    where: { publicationId_sha256: { publicationId, sha256 } },
    select: { storageKey: true },
  });
  if (found) {
    // The row survived but the file did not (e.g. a wiped data directory): restore it.
    if (!(await store.stat(found.storageKey))) {
      await store.put(found.storageKey, pdf.bytes);
      log(`Restored the missing file of ${plan.key}.`);
    }
    return;
  }
  const storageKey = newStorageKey();
  await store.put(storageKey, pdf.bytes);
  try {
    await db.attachment.create({
      data: {
        publicationId,
        fileName: plan.file.fileName.normalize("NFC"),
        byteSize: pdf.bytes.length,
        sha256,
        mediaType: "application/pdf",
        pageCount: pdf.pageCount,
        storageKey,
        extractedText: pdf.text,
        sortOrder: 0,
      },
    });
  } catch (e) {
    // Leave no orphan file behind a failed insert.
    await store.delete(storageKey).catch(() => undefined);
    throw e;
  }
  tally.attachments++;
}

async function seedPaper(ctx: Context, paper: SeedPaper, plans: PlannedEdition[]) {
  const koPlan = plans.find((p) => p.language === "ko");
  const enPlan = plans.find((p) => p.language === "en");
  const ko = koPlan ? await ensurePublication(ctx, paper, koPlan, null) : null;
  if (ko && koPlan) await ensureAttachment(ctx, ko.id, koPlan);
  if (!enPlan) return;

  // The English edition holds the link to its Korean twin.
  const linkOnCreate = ko !== null && (await isLinkable(ctx.db, ko));
  const en = await ensurePublication(ctx, paper, enPlan, linkOnCreate && ko ? ko.id : null);
  // Link an existing English row only to a twin created in this run, never re-link an editor's choice.
  if (ko?.created && !en.created && en.translationId === null && (await isLinkable(ctx.db, ko))) {
    await ctx.db.publication.update({ where: { id: en.id }, data: { translationId: ko.id } });
  }
  await ensureAttachment(ctx, en.id, enPlan);
}

export async function seedDatabase(options: SeedOptions): Promise<{ created: number }> {
  const log = options.log ?? (() => undefined);
  const today = options.today ?? siteToday();
  if (!isIsoDay(today)) throw new Error(`The seed's today must be a YYYY-MM-DD day, not ${today}.`);
  validatePapers(papers);
  const seriesBySlug = new Map(series.map((s) => [s.slug, s]));
  const authorsByName = new Map(authors.map((a) => [a.nameEn, a] as const));
  const plans = papers.map((paper) => ({ paper, editions: planPaper(paper, seriesBySlug, authorsByName) }));

  // "minimal" keeps a failure to one readable line instead of a code excerpt.
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: options.databaseUrl }), errorFormat: "minimal" });
  try {
    const tally = Object.fromEntries(TABLES.map((t) => [t, 0])) as Tally;
    const ids: Ids = { series: new Map(), topics: new Map(), regions: new Map(), authors: new Map() };
    const ctx: Context = { db, store: new LocalStorage(options.storageDir), tally, ids, log, today };
    await seedSiteSettings(ctx);
    await seedSeries(ctx);
    await seedTags(ctx);
    await seedAuthors(ctx);
    for (const { paper, editions } of plans) await seedPaper(ctx, paper, editions);

    const created = TABLES.reduce((sum, t) => sum + tally[t], 0);
    if (created > 0)
      log(
        `Created ${TABLES.filter((t) => tally[t] > 0)
          .map((t) => `${tally[t]} ${t}`)
          .join(", ")}.`,
      );
    return { created };
  } catch (e) {
    // Prisma prefixes the cause with the failing call; the last line is what a person can act on.
    if (e instanceof Error && e.message.includes("invocation")) {
      throw new Error(e.message.trim().split("\n").pop()?.trim() ?? e.message, { cause: e });
    }
    throw e;
  } finally {
    await db.$disconnect();
  }
}

import "server-only";
import { cache } from "react";
import { PAGE_SIZE } from "@/lib/catalogue/page-size";
import { cachedQuery } from "./cached-query";
import { db, searchDb } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { catalogueSliceSql, type CatalogueFilters } from "./catalogue-filter";
import { entryYearSql } from "./catalogue-facets";
import type { Locale } from "@/lib/i18n/routing";
import { isStatementTimeout } from "./prisma-errors";
import { searchSnippets, type ResultSnippet } from "./search-snippets";
import { syllableMatch } from "./search-tokenizer";
import { renderedBodySelect } from "./rendered-bodies";
import { publicPublicationSql, publicPublicationWhere } from "./visibility";

export { PAGE_SIZE };

const authorSelect = {
  orderBy: { position: "asc" },
  select: { author: { select: { id: true, nameKo: true, nameEn: true } } },
} satisfies Prisma.Publication$authorsArgs;

const listItemSelect = {
  id: true,
  reportNumber: true,
  language: true,
  title: true,
  subtitle: true,
  publishedAt: true,
  baseHits: true,
  viewCount: true,
  series: { select: { id: true, slug: true, nameKo: true, nameEn: true, reportPrefix: true } },
  authors: authorSelect,
} satisfies Prisma.PublicationSelect;

type ListRow = Prisma.PublicationGetPayload<{ select: typeof listItemSelect }>;

function toListItem({ authors, baseHits, viewCount, publishedAt, ...rest }: ListRow) {
  return {
    ...rest,
    publishedAt: publishedAt ?? new Date(0),
    /** The public "Hits": views carried over from the old platform plus views counted here. */
    hits: baseHits + viewCount,
    authors: authors.map((a) => a.author),
  };
}

export type PublicationListItem = ReturnType<typeof toListItem>;

/** The papers with these ids as lists show them, in the order given; an id no longer there is skipped. */
export async function listPublicationItems(ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db.publication.findMany({ where: { id: { in: ids } }, select: listItemSelect });
  const byId = new Map(rows.map((r) => [r.id, toListItem(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Listing queries are cached for a few seconds: bursts of readers share one query. Editors' changes drop them at once. */
export const CATALOGUE_TAG = "catalogue";
const CATALOGUE_TTL_SECONDS = 10;

export type FacetCount = { value: string; count: number };
/** A search's total and facet counts are null past its count's cap (SEARCH_COUNT_CAP; search-slice.ts). */
type SliceRow = {
  total: number | null;
  ids: number[];
  series: FacetCount[] | null;
  years: { value: number; count: number }[] | null;
  topics: FacetCount[] | null;
  regions: FacetCount[] | null;
};

/** What a statement that found nothing returns. */
const NOTHING: SliceRow = { total: 0, ids: [], series: [], years: [], topics: [], regions: [] };

/** A slice as the listing uses it: years as the strings the year filter takes. */
const sliceOf = (row: SliceRow) => ({
  ...row,
  years: row.years?.map((y) => ({ value: String(y.value), count: y.count })) ?? null,
});

/** Facet counts by value; null when the facet's papers passed the cap and were not counted one by one. */
const byValue = (counts: FacetCount[] | null) => (counts ? new Map(counts.map((r) => [r.value, r.count])) : null);

/** One page of ids, the total and the facet counts (catalogueSliceSql), as the database has them now. */
async function readSlice(filters: CatalogueFilters, page: number) {
  // A search runs on the connections set up for searches (searchPool in lib/db.ts).
  const rows = filters.q
    ? await searchDb.$queryRaw<SliceRow[]>(
        catalogueSliceSql(filters, page, PAGE_SIZE, {
          syllables: await syllableMatch(),
          countCap: env().SEARCH_COUNT_CAP,
        }),
      )
    : await db.$queryRaw<SliceRow[]>(catalogueSliceSql(filters, page, PAGE_SIZE));
  return sliceOf(rows[0] ?? NOTHING);
}

const cachedSlice = cachedQuery(readSlice, ["catalogue-slice"], {
  revalidate: CATALOGUE_TTL_SECONDS,
  tags: [CATALOGUE_TAG],
});

/**
 * A listing's slice, cached for a few seconds; a search's, read each time.
 * A search's page is cached from its second ask (server/search-admission.ts),
 * and most searches are asked once: for those, Next's data cache only looked
 * for a copy it did not have, opening files to do so, about 6 % of the
 * server's time in the benchmark's searches at 10,000 papers (README Performance).
 */
const catalogueSlice = (filters: CatalogueFilters, page: number) =>
  filters.q ? readSlice(filters, page) : cachedSlice(filters, page);

/** The years (on the institution's calendar) of the papers a reader of `locale` finds, newest first. */
const catalogueYears = cachedQuery(
  async (locale: Locale): Promise<number[]> => {
    const rows = await db.$queryRaw<{ year: number }[]>`
      SELECT DISTINCT ${entryYearSql} AS year FROM "CatalogueEntry" e
      WHERE e.language = ${locale}::"Language" AND e."publicationId" = e."targetId" AND e."visibleFrom" <= now()
      ORDER BY 1 DESC`;
    return rows.map((r) => r.year);
  },
  ["catalogue-years"],
  { revalidate: 300, tags: [CATALOGUE_TAG] },
);

/** A search stopped at its time limit: nothing found, and the page asks the reader to narrow it. Not cached. */
async function sliceOrTimeout(filters: CatalogueFilters, page: number) {
  try {
    return { ...(await catalogueSlice(filters, page)), timedOut: false };
  } catch (error) {
    if (!filters.q || !isStatementTimeout(error)) throw error;
    return { ...sliceOf(NOTHING), timedOut: true };
  }
}

/**
 * One page of the catalogue (newest first, or by relevance to a search), with
 * its total and how many papers each series, year, topic and region would show.
 */
export async function listPublications(filters: CatalogueFilters, page: number) {
  const { total, ids, series, years, topics, regions, timedOut } = await sliceOrTimeout(filters, page);
  const [items, snippets, yearsListed] = await Promise.all([
    listPublicationItems(ids),
    filters.q ? searchSnippets(ids, filters.q, filters.locale) : Promise.resolve<Record<number, ResultSnippet>>({}),
    // Years past the cap are offered without counts: the years the catalogue has.
    years ?? catalogueYears(filters.locale).then((all) => all.map((y) => ({ value: String(y), count: null }))),
  ]);
  // Past the cap, the listing says "more than SEARCH_COUNT_CAP" and its pages stop there.
  const counted = total ?? env().SEARCH_COUNT_CAP;
  return {
    total: counted,
    /** More papers match than `total` says: the search stopped counting at SEARCH_COUNT_CAP. */
    moreThanTotal: total === null,
    page,
    pageCount: Math.max(1, Math.ceil(counted / PAGE_SIZE)),
    items,
    /** Where each result matched the search, by paper id. */
    snippets,
    /** The search ran past its time limit (SEARCH_STATEMENT_TIMEOUT_MS): nothing is listed. */
    timedOut,
    /** How many papers each value would show; null for a facet past SEARCH_COUNT_CAP. */
    facets: { series: byValue(series), years: yearsListed, topics: byValue(topics), regions: byValue(regions) },
  };
}

/** A public publication with everything its page shows, or null. Once per request (metadata and page share it). */
export const getPublicPublication = cache(async (id: number) => {
  const row = await db.publication.findFirst({
    where: { id, ...publicPublicationWhere() },
    select: {
      ...listItemSelect,
      summary: true,
      body: true,
      renderedBody: renderedBodySelect,
      updatedAt: true,
      series: { select: { id: true, slug: true, nameKo: true, nameEn: true, reportPrefix: true } },
      authors: {
        orderBy: { position: "asc" },
        select: {
          author: { select: { id: true, nameKo: true, nameEn: true, positionKo: true, positionEn: true } },
        },
      },
      translation: { where: publicPublicationWhere(), select: { id: true, language: true, title: true } },
      translatedFrom: { where: publicPublicationWhere(), select: { id: true, language: true, title: true } },
      topics: {
        orderBy: { topic: { nameEn: "asc" } },
        select: { topic: { select: { slug: true, nameKo: true, nameEn: true } } },
      },
      regions: { select: { region: { select: { slug: true, nameKo: true, nameEn: true } } } },
      attachments: {
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, fileName: true, byteSize: true, pageCount: true, mediaType: true },
      },
    },
  });
  if (!row) return null;
  const { attachments, summary, body, renderedBody, updatedAt, translation, translatedFrom, topics, regions, ...listRow } = row;
  return {
    ...toListItem(listRow),
    summary,
    body,
    renderedBody,
    updatedAt,
    attachments,
    /** The other-language twin, whichever side holds the link. */
    twin: translation ?? translatedFrom ?? null,
    topics: topics.map((t) => t.topic),
    regions: regions.map((r) => r.region),
  };
});

export type PublicPublication = NonNullable<Awaited<ReturnType<typeof getPublicPublication>>>;

/** Previous (older) and next (newer) public papers of the same series and language. */
export async function getSeriesNeighbours(p: { id: number; publishedAt: Date; language: string; series: { id: number } }) {
  const base = { ...publicPublicationWhere(), seriesId: p.series.id, language: p.language as "ko" | "en", id: { not: p.id } };
  const select = { id: true, title: true, reportNumber: true } as const;
  const [previous, next] = await Promise.all([
    db.publication.findFirst({
      where: { ...base, OR: [{ publishedAt: { lt: p.publishedAt } }, { publishedAt: p.publishedAt, id: { lt: p.id } }] },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select,
    }),
    db.publication.findFirst({
      where: { ...base, OR: [{ publishedAt: { gt: p.publishedAt } }, { publishedAt: p.publishedAt, id: { gt: p.id } }] },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select,
    }),
  ]);
  return { previous, next };
}

/** Papers in the same language sharing the most topics or authors, newest first among equals. */
export async function listRelatedPublications(p: { id: number; language: string; twin: { id: number } | null }, limit = 4) {
  const exclude = [p.id, p.twin?.id ?? p.id];
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH shared AS (
      SELECT pt."publicationId" AS id, 1 AS w FROM "PublicationTopic" pt
        WHERE pt."topicId" IN (SELECT "topicId" FROM "PublicationTopic" WHERE "publicationId" = ${p.id})
      UNION ALL
      SELECT au."publicationId", 2 FROM "Authorship" au
        WHERE au."authorId" IN (SELECT "authorId" FROM "Authorship" WHERE "publicationId" = ${p.id})
    )
    SELECT r.id FROM shared s JOIN "Publication" r ON r.id = s.id
    WHERE r.id NOT IN (${Prisma.join(exclude)}) AND r.language = ${p.language}::"Language"
      AND ${Prisma.raw(publicPublicationSql("r"))}
    GROUP BY r.id, r."publishedAt" ORDER BY sum(s.w) DESC, r."publishedAt" DESC LIMIT ${limit}`;
  return listPublicationItems(rows.map((r) => r.id));
}

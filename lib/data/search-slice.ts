import { Prisma } from "@/lib/generated/prisma/client";
import { COUNT_CAP } from "@/lib/search/count-cap";
import type { SearchPlan } from "@/lib/search/query";
import type { CatalogueFilters } from "./catalogue-filter";
import { entryYearSql, FACET_KEYS, facetConditionsSql, otherFacets, setFactsSql, type FacetKey } from "./catalogue-facets";
import {
  inRowScoreSql,
  matchingDocumentsSql,
  numberMatchesSql,
  QUEUED_LOOKED_UP,
  queuedMatchesCte,
  rankingCtes,
  scoringRowSql,
} from "./search-ranking";

/**
 * Past the cap, the pages up to this one are ranked from the first documents
 * the listing's set read that could fill them (2 × this many pages' papers +
 * 2: a paper has at most two), not from all 2 × the cap + 2 it read; later
 * pages from all of them (scoredSetSql).
 */
export const SCORED_PAST_CAP_PAGES = 10;

export type SearchSliceOptions = {
  countCap?: number;
  readVectorsUpTo?: number;
  frontBeyondPage?: number | null;
};

/**
 * One page of a search's results (by relevance, or newest first), its total
 * and its facet counts, reading a bounded number of documents whatever the words:
 *
 * - The listing and each facet with a chosen value count their own set of
 *   documents (the words, the set's filters as facts in the index, then the
 *   catalogue entry), each read only up to 2 × the cap + 2 documents: a paper
 *   has at most two (its own and its twin's), so a set read to that limit
 *   holds more than the cap's papers, and one read short of it is exact. A
 *   set whose documents alone pass that limit by more than could drop out is
 *   past the cap without looking up their entries.
 * - Within the cap, every match is ranked (search-ranking.ts), exactly as
 *   without one. Past it, the ranking takes every document holding all the
 *   words in its title, and every one holding them in its summary, authors,
 *   topics or regions (each up to the same limit: two small indexes), and
 *   the paper whose report number the query is, with the documents the
 *   listing's count read (for the first pages, the first of them:
 *   scoredSetSql): a title or summary match always outranks a match in the
 *   body or PDFs alone, so the first pages are those an exact ranking gives;
 *   matches in the body or PDFs alone are ranked among the first documents
 *   found.
 * - Newest first, within the cap, the documents counted are the page's; past
 *   it, the catalogue's entries are read newest first (their own index) until
 *   the page is full, each kept when its document is among the matches (a
 *   hashed set of their keys): beyond the cap, no match is mapped to its
 *   entry, grouped or counted.
 */
export function searchSliceSql(
  f: CatalogueFilters,
  plan: SearchPlan,
  page: number,
  pageSize: number,
  { countCap = COUNT_CAP, readVectorsUpTo, frontBeyondPage }: SearchSliceOptions = {},
): Prisma.Sql {
  const limit = 2 * countCap + 2;
  const offset = (page - 1) * pageSize;
  const last = offset + pageSize;
  const scoredPastCap =
    last <= SCORED_PAST_CAP_PAGES * pageSize ? Math.min(limit, 2 * SCORED_PAST_CAP_PAGES * pageSize + 2) : limit;
  const newestFirst = f.sort === "newest";
  const live = facetConditionsSql(f, "e");
  const chosen = FACET_KEYS.filter((k) => f[k] !== undefined);
  // The documents holding every word, each in any part, and with `facts`, carrying them (a FROM
  // item, alias d): one scan of the all-parts index, which intersects the words inside it, read
  // by each set only as far as it needs, however common the words.
  // With `scored`, each with the columns its in-row score reads; otherwise its key alone.
  type Documents = (facts: Prisma.Sql | null, scored: boolean) => Prisma.Sql;
  const allWords: Documents = (facts, scored) => matchingDocumentsSql("d", plan.match, facts, { scored });
  const author = f.author ? Prisma.sql`${f.author}::int = ANY(e."authorIds")` : Prisma.sql`TRUE`;
  // A public entry (alias `e`) of the reader's language in the set counting facet `except`.
  const listed = (except?: FacetKey) => Prisma.sql`e.language = ${f.locale}::"Language" AND e."visibleFrom" <= now()
          AND ${author} AND ${otherFacets(live, except)}`;
  // Looked up by key for each document (OFFSET 0 keeps the join so): with the documents read
  // through a union, the planner hashed every entry of the reader's language instead (15 ms of
  // a 10,000-paper catalogue, to join 2,002 documents).
  const entry = (id: Prisma.Sql, except?: FacetKey) => Prisma.sql`
      CROSS JOIN LATERAL (SELECT * FROM "CatalogueEntry" e WHERE e."publicationId" = ${id} AND ${listed(except)} OFFSET 0) e`;
  const columns = Prisma.sql`e."targetId", e."publishedAt", e."seriesId", ${entryYearSql} AS year, e."topicIds", e."regionIds"`;
  // A tier of the listing's own set: the documents of `documents`, given the listing's facts, whose
  // papers are in that set, with their in-row scores, read up to the limit. The documents are read
  // in a subquery (OFFSET 0) planned on its own, so that the planner scans the words' indexes
  // instead of walking the table in key order and testing each row, which reads every body and
  // PDF; each one's entry is then looked up by key.
  const tierSet = (documents: Documents) => Prisma.sql`
      SELECT d.id, d.score, ${columns}
      FROM (SELECT d."publicationId" AS id, ${inRowScoreSql(plan)} AS score FROM ${documents(setFactsSql(f), true)} OFFSET 0) d
      ${entry(Prisma.sql`d.id`)}
      LIMIT ${limit}`;
  // The sets counted: the listing's own (`set_total`) and each chosen facet's (`set_<facet>`), with
  // the facts their documents carry (none for a listing without filters).
  type Counted = { name: string; facts: Prisma.Sql | null; except?: FacetKey };
  const countedSets: Counted[] = [
    { name: "set_total", facts: setFactsSql(f) },
    ...chosen.map((k) => ({ name: `set_${k}`, facts: setFactsSql(f, k), except: k })),
  ];
  const setName = (k: FacetKey) => (chosen.includes(k) ? `set_${k}` : "set_total");
  const raw = (prefix: string, name: string) => Prisma.raw(`${prefix}${name}`);
  // What could drop out of a set's documents: the entries of the reader's language not public now
  // (every document has one entry in each language, public or not: migration 20261207140000), and,
  // for a set asked for facts, the queued papers, whose facts may be out of date.
  const hidden = Prisma.sql`(SELECT count(*) FROM "CatalogueEntry" e
      WHERE e.language = ${f.locale}::"Language" AND (e."visibleFrom" IS NULL OR e."visibleFrom" > now()))`;
  const queued = Prisma.sql`(SELECT count(*) FROM queue_head)`;
  const slack = (facts: Prisma.Sql | null) =>
    facts ? Prisma.sql`(SELECT n FROM hidden) + ${queued}` : Prisma.sql`(SELECT n FROM hidden)`;
  // Each set is read in three steps. Its documents' keys (docs_<set>), one scan of the all-parts
  // index, up to the limit and the documents that could drop out. Whether those alone pass the
  // limit by more than could drop out (past_<set>): the set is then past the cap, and no entry of
  // its documents is looked up: at 100,000 papers a common word looked up the entries of 2,002
  // documents for the listing's set only to learn that it was past it (a facet's set was counted
  // so already, by a scan of its own before it was read). Many queued, nothing is certain. And,
  // unless it is past, the set itself: those documents whose entry is public and fits, up to the
  // limit.
  const docsCte = ({ name, facts }: Counted) => Prisma.sql`${raw("docs_", name)} AS MATERIALIZED (
      SELECT d."publicationId" AS id FROM ${allWords(facts, false)} LIMIT ${limit} + ${slack(facts)})`;
  const pastCte = ({ name, facts }: Counted) => {
    const passes = Prisma.sql`((SELECT count(*) FROM ${raw("docs_", name)}) >= ${limit} + ${slack(facts)})`;
    return Prisma.sql`${raw("past_", name)} AS MATERIALIZED (
      SELECT ${facts ? Prisma.sql`CASE WHEN ${queued} <= ${QUEUED_LOOKED_UP} THEN ${passes} ELSE FALSE END` : passes} AS yes)`;
  };
  const past = (name: string) => Prisma.sql`(SELECT yes FROM ${raw("past_", name)})`;
  // The documents of docs_<set> (alias d) with their entries, as a set's rows.
  const listedDocs = (name: string, except?: FacetKey) => Prisma.sql`
      SELECT d.id, NULL::float8 AS score, ${columns} FROM ${raw("docs_", name)} d ${entry(Prisma.sql`d.id`, except)}`;
  // A chosen facet's set drops one of the listing's filters, so it holds every row of the listing's
  // own: when that passed the limit, so did the facet's, which is then neither tested nor read. A
  // year or series alone on a common word passes it, and its facet's test read 2,002 documents or
  // more. CASE, not AND, keeps the order: the planner orders ANDed conditions by their cost.
  const withinTotal = (name: string, own: Prisma.Sql) =>
    name === "set_total" ? own : Prisma.sql`(CASE WHEN ${full("set_total")} THEN ${own} ELSE FALSE END)`;
  // Whether a set is within the cap, as counted: the listing's own is asked by the total, each tier,
  // the scored documents and every facet counting it, so it is counted once (within_cap), not in an
  // InitPlan of each (past the cap, 9 to 13 counts of its 2,002 rows: tests/search-count-cap.test.ts).
  const countedWithin = (name: string) =>
    Prisma.sql`(NOT ${past(name)} AND (SELECT count(*) FROM ${Prisma.raw(name)}) < ${limit})`;
  function full(name: string): Prisma.Sql {
    return name === "set_total" ? Prisma.sql`(SELECT yes FROM within_cap)` : withinTotal(name, countedWithin(name));
  }
  const setCte = ({ name, except }: Counted) => {
    const doubt = withinTotal(name, Prisma.sql`NOT ${past(name)}`);
    return Prisma.sql`${Prisma.raw(name)} AS MATERIALIZED (
      SELECT * FROM (${listedDocs(name, except)} LIMIT ${limit}) s WHERE ${doubt})`;
  };
  // Past the cap, the tiers join the ranking: the title and the summary matches, each read up to the
  // limit, and the paper whose report number the query is. Each tier is read only while those above
  // it hold fewer papers than the page's end (tierCtes).
  const inPart =
    (column: "title" | "head"): Documents =>
    (facts, scored) =>
      matchingDocumentsSql("d", plan.match, facts, { part: column, scored });
  const pastCap = Prisma.sql`NOT ${full("set_total")}`;
  const tier = (documents: Documents, needed: Prisma.Sql) =>
    Prisma.sql`SELECT * FROM (${tierSet(documents)}) t WHERE ${pastCap} AND ${needed}`;
  const tierCtes = [
    Prisma.sql`tier_title AS MATERIALIZED (${tier(inPart("title"), Prisma.sql`TRUE`)})`,
    Prisma.sql`tier_head AS MATERIALIZED (${tier(inPart("head"), Prisma.sql`${papersIn(["tier_title"])} < ${last}`)})`,
  ];
  const tiers = Prisma.sql`SELECT * FROM tier_title UNION ALL SELECT * FROM tier_head
      UNION ALL ${tier(() => numberMatchesSql("d", plan), Prisma.sql`TRUE`)}`;
  // Newest first past the cap: the entries newest first, each of whose documents is a match, up to
  // the page's end (a paper's two entries share its date, so twice as many hold as many papers).
  const matchKeys = Prisma.sql`SELECT d."publicationId" AS id FROM ${allWords(setFactsSql(f), false)}`;
  const newest = Prisma.sql`
    newest AS MATERIALIZED (
      SELECT e."targetId" AS id, e."publishedAt" FROM "CatalogueEntry" e
      WHERE NOT ${full("set_total")} AND ${listed()} AND (e."publicationId" IN (${matchKeys})) IS TRUE
      ORDER BY e."publishedAt" DESC, e."targetId" DESC LIMIT ${2 * (offset + pageSize)})`;
  const ctes = [
    // The queued papers a filtered search takes whatever their facts (search-ranking.ts).
    ...(setFactsSql(f) ? [queuedMatchesCte(plan)] : []),
    Prisma.sql`hidden AS MATERIALIZED (SELECT ${hidden} AS n)`,
    ...countedSets.flatMap((c) => [docsCte(c), pastCte(c)]),
    setCte(countedSets[0]!),
    Prisma.sql`within_cap AS MATERIALIZED (SELECT ${countedWithin("set_total")} AS yes)`,
    ...(newestFirst
      ? []
      : [
          ...tierCtes,
          Prisma.sql`set_scored AS MATERIALIZED (${scoredSetSql(plan, {
            read: Prisma.sql`SELECT * FROM set_total UNION ALL SELECT * FROM (${listedDocs("set_total")}) s WHERE ${past("set_total")}`,
            within: full("set_total"),
            tiersFill: Prisma.sql`${papersIn(["tier_title", "tier_head"])} >= ${last}`,
            scoredPast: scoredPastCap,
          })})`,
        ]),
    ...countedSets.slice(1).map(setCte),
    newestFirst
      ? Prisma.sql`pool AS (SELECT * FROM set_total)`
      : Prisma.sql`pool AS (SELECT * FROM set_scored UNION ALL ${tiers})`,
    // Each listed paper once (each match stands for the paper its entry shows: itself, or its twin in
    // the reader's language), with what the ranking needs (search-ranking.ts): `own`, the in-row
    // score of the paper's own document when it matched, and `twin` and `twinScore`, the other
    // version's. Plain columns, not arrays: array_agg keeps a memory context per group, two thirds
    // of the grouping's time. A paper has one twin (translationId is unique); should data ever link
    // two papers to one, the paper is still listed once, with the body and PDFs of the one with the
    // higher id. Every row of a paper carries its entry's columns.
    Prisma.sql`m AS MATERIALIZED (
      SELECT p."targetId" AS id, min(p."publishedAt") AS "publishedAt", max(p.score) AS score,
        max(p.score) FILTER (WHERE p.id = p."targetId") AS own,
        max(p.id) FILTER (WHERE p.id <> p."targetId") AS twin,
        max(p.score) FILTER (WHERE p.id <> p."targetId") AS "twinScore"
      FROM pool p GROUP BY p."targetId")`,
    newestFirst
      ? newest
      : rankingCtes(plan, Prisma.sql`TRUE`, offset + pageSize, { readVectorsUpTo, frontBeyondPage, facts: setFactsSql(f) }),
  ];
  const byDate = Prisma.sql`m."publishedAt" DESC, m.id DESC`;
  const pageOf = (from: Prisma.Sql, order: Prisma.Sql) => Prisma.sql`(SELECT coalesce(json_agg(x.id ORDER BY x.rank), '[]') FROM (
        SELECT m.id, row_number() OVER (ORDER BY ${order}) AS rank FROM ${from}
        ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}) x)`;
  const ids = newestFirst
    ? Prisma.sql`CASE WHEN ${full("set_total")} THEN ${pageOf(Prisma.sql`m`, byDate)} ELSE ${pageOf(
        Prisma.sql`(SELECT n.id, max(n."publishedAt") AS "publishedAt" FROM newest n GROUP BY n.id) m`,
        byDate,
      )} END`
    : pageOf(Prisma.sql`ranked m`, Prisma.sql`m.score DESC, ${byDate}`);
  // A facet's values and counts over its set's papers (each paper once), or null past the cap.
  const counts = (k: FacetKey, valueOf: Prisma.Sql, label: Prisma.Sql) => {
    const name = Prisma.raw(setName(k));
    return Prisma.sql`CASE WHEN ${full(setName(k))} THEN (
      SELECT coalesce(json_agg(json_build_object('value', ${label}, 'count', x.n) ORDER BY x.v DESC), '[]') FROM (
        SELECT v, count(*)::int AS n FROM (SELECT DISTINCT s."targetId", ${valueOf} AS v FROM ${name} s) y GROUP BY v) x
      ${labelJoin(k)}) END`;
  };
  return Prisma.sql`
    WITH ${Prisma.join(ctes, ",")}
    SELECT
      CASE WHEN ${full("set_total")} THEN (SELECT count(DISTINCT "targetId")::int FROM set_total) END AS total,
      ${ids} AS ids,
      ${counts("series", Prisma.sql`s."seriesId"`, Prisma.sql`l.slug`)} AS series,
      ${counts("year", Prisma.sql`s.year`, Prisma.sql`x.v`)} AS years,
      ${counts("topic", Prisma.sql`unnest(s."topicIds")`, Prisma.sql`l.slug`)} AS topics,
      ${counts("region", Prisma.sql`unnest(s."regionIds")`, Prisma.sql`l.slug`)} AS regions`;
}

/**
 * The listing's own set (`read`, SQL: its rows with their entries and
 * without scores) with each document's in-row score: every document when the
 * set is within the cap (`within`, SQL); past it, none when the tiers fill the
 * page (`tiersFill`, SQL: papersIn), else only the first `scoredPast` it read.
 * Past the cap the set holds the first 2 × the cap + 2 documents the words'
 * index gave, of many more, so the matches in the body or PDFs alone are
 * ranked among an arbitrary part of them either way, while the title and
 * summary matches, which outrank them, join the ranking from their own tiers:
 * a first page needs no more of the set than it can show. Scoring a document
 * (its SearchScoring row looked up by key) was about half of the set's time at
 * 10,000 papers ("policy": 4.4 of 8.3 ms for 2,002 documents), and the
 * grouping and ranking of the pool shrink with it. When the set's documents
 * alone put it past the cap, its rows are read here, lazily: only the entries
 * of the documents scored are looked up. Deeper pages rank every document
 * read, so that pages stay filled up to the cap; past the cap, page
 * SCORED_PAST_CAP_PAGES and the one after it are ranked from different pools,
 * and a paper may show on both or on neither.
 */
function scoredSetSql(
  plan: SearchPlan,
  { read, within, tiersFill, scoredPast }: { read: Prisma.Sql; within: Prisma.Sql; tiersFill: Prisma.Sql; scoredPast: number },
): Prisma.Sql {
  return Prisma.sql`
      SELECT r.id, ${inRowScoreSql(plan)} AS score, r."targetId", r."publishedAt", r."seriesId", r.year, r."topicIds", r."regionIds"
      FROM (${read} LIMIT CASE WHEN ${within} THEN NULL WHEN ${tiersFill} THEN 0 ELSE ${scoredPast}::int END) r
      ${scoringRowSql("d", Prisma.sql`r.id`)}`;
}

/**
 * How many papers the tiers (CTEs) named hold: past the cap, each tier
 * outranks the next whatever the body and PDFs add (search-ranking.ts: a
 * title match scores at least 53, a summary match alone 10 to under 23, a
 * match in neither under 3, and the body and PDFs add at most 5), so once the
 * tiers above hold as many papers as the page's end, no paper of a lower one
 * can reach the page or be among its candidates, and it is not read: a
 * common word in a few hundred titles read its 2,002 summary matches and the
 * listing's documents for nothing. The pages are the same (the tiers read are
 * ranked exactly as before), unless a tier held more matches than it reads
 * (2 × the cap + 2): the listing's own documents may then have brought more
 * of them, found in another order, to be ranked among the first found.
 */
function papersIn(tiers: string[]): Prisma.Sql {
  const rows = tiers.map((t) => `SELECT "targetId" FROM ${t}`).join(" UNION ALL ");
  return Prisma.sql`(SELECT count(DISTINCT x."targetId") FROM (${Prisma.raw(rows)}) x)`;
}

/** Where a facet's values get their slugs: none for years, which are their own label. */
function labelJoin(k: FacetKey): Prisma.Sql {
  const table = { series: "Series", topic: "Topic", region: "Region", year: null }[k];
  return table ? Prisma.sql`JOIN ${Prisma.raw(`"${table}"`)} l ON l.id = x.v` : Prisma.empty;
}

import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchPlan } from "@/lib/search/query";

/**
 * How a search ranks its matches. A paper's score is the sum of:
 * - 1000 for an exact title or report number;
 * - 100 for the words as a phrase in the title, 50 for them all in it;
 * - 20 / 10 the same in the summary, authors, topics and regions (`head`);
 * - 4 / 2 the same in the body, and 1 / 0.5 in the PDFs;
 * - up to 3 for how many of the words the title holds.
 * A paper listed for two matching versions (its own and its twin's) takes the
 * better of their scores.
 *
 * The title and head vectors are small and kept in SearchScoring's rows, so
 * every match is scored on them at once, looked up by its key. The body's and
 * the PDFs' vectors are large (TOAST), and testing them on tens of thousands
 * of matches of a common word took most of a search's time. They add at most
 * BODY_AND_PDF_MOST, so only the matches within that of the page's last in-row
 * score can still reach the page: those alone are tested, through the body and
 * PDF indexes.
 */
const BODY_AND_PDF_MOST = 5;
/**
 * Up to this many candidate documents, their body and PDF vectors are read one
 * by one; beyond, the indexes are scanned. Reading a body's vector from TOAST
 * costs about 45 µs, and scanning an index for words in thousands of papers a
 * few milliseconds (no vector is read, though the scan visits each matching
 * row of the search table: 50,000 rows of a common word took 47-74 ms at
 * 100,000 papers): at 2,000, two common Korean words took 220-250 ms, at 200
 * under 40 (the bench's search mix at 10,000 real-size papers). Since the
 * index scans ask for a filtered search's facts too, they are cheaper still:
 * the bench's first 400 searches at 10,000 papers, the statement alone, took a
 * fifth to a quarter less time at 50 than at 200, and less than at 20, in each
 * of three turns; its first 200 at 100,000 papers 1-8 % less (README Performance).
 */
export const READ_VECTORS_UP_TO = 50;

const tsquery = (text: string) => Prisma.sql`${text}::tsquery`;
/** The words of `text` and `facts` (a tsquery on the fact lexemes) as one query, the facts' query made once (a subquery without outer references). */
const withFacts = (text: string, facts: Prisma.Sql) => Prisma.sql`(${tsquery(text)} && (SELECT ${facts}))`;
const inRow = (column: "title" | "head", text: string) => Prisma.sql`d.${Prisma.raw(column)} @@ ${tsquery(text)}`;

/** `phrase` points when the part holds the phrase, `words` when it holds all the words, else 0. */
function tiered(plan: SearchPlan, holds: (text: string) => Prisma.Sql, phrase: number, words: number): Prisma.Sql {
  return plan.phrase === plan.match
    ? Prisma.sql`CASE WHEN ${holds(plan.match)} THEN ${phrase}::float8 ELSE 0 END`
    : Prisma.sql`CASE WHEN ${holds(plan.phrase)} THEN ${phrase}::float8 WHEN ${holds(plan.match)} THEN ${words}::float8 ELSE 0 END`;
}

/**
 * The papers waiting to be indexed again (search-index.ts): their documents'
 * fact lexemes may be out of date, so a search narrowed by facts keeps them
 * and leaves the verdict to the catalogue's own entries. A change to a
 * paper's entries queues it in the same transaction, so every snapshot that
 * sees new facts sees either the paper queued or its document rewritten.
 */
const QUEUED = Prisma.sql`(SELECT q."publicationId" FROM "SearchQueue" q)`;

/**
 * Whether the document `alias` holds the query `q` (SQL, a tsquery) in one of
 * its parts, tested part by part: for a document already found some other way
 * (by its key), whose body and PDFs are read only when the title and head do not
 * hold the words.
 */
function inAnyPart(alias: string, q: Prisma.Sql): Prisma.Sql {
  const d = Prisma.raw(alias);
  return Prisma.sql`(${d}.title @@ ${q} OR ${d}.head @@ ${q} OR ${d}.body @@ ${q} OR ${d}.pdf @@ ${q})`;
}

/**
 * The document `alias`'s parts as one vector: the expression the all-parts
 * index is built on (migration 20261203090000), so that a query on it is one
 * scan of that index. Every word of a search, each in any part, is then
 * intersected inside the index and read only as far as the search needs: with
 * an index per part, each word's matches in all four were read whole and
 * intersected in the statement (35-48 ms a common word at 100,000 papers).
 * Not for testing a row: it reads and merges all four vectors.
 */
function everyPart(alias: string): Prisma.Sql {
  const d = Prisma.raw(alias);
  return Prisma.sql`search_every_part(${d}.title, ${d}.head, ${d}.body, ${d}.pdf)`;
}

/**
 * What a search reads of a matching document (alias `d`): its key, and the
 * columns its in-row score reads, from its SearchScoring row (`scoring`: `s`,
 * joined by SCORED to a row of the search table, or `d` itself when the match
 * was read from SearchScoring).
 */
const inRowColumns = (scoring: "d" | "s") => {
  const s = Prisma.raw(scoring);
  return Prisma.sql`d."publicationId", ${s}.title, ${s}.head, ${s}."titleKey", ${s}."numberKeys"`;
};
const IN_ROW_COLUMNS = inRowColumns("s");

/**
 * A matching document's SearchScoring row, looked up by its key (to follow
 * `"SearchDocument" d`): only for the documents a set reads, up to its limit,
 * since OFFSET 0 keeps the lookup in a loop of its own over them. The search
 * table's rows hold no vector, so that a body or PDF scan visits few pages
 * (migration 20261207120000). A document always has one (both are written in
 * one statement); one missing would score as if its title and head held
 * nothing, not drop the match.
 */
const SCORED = scoringRowSql("s", Prisma.sql`d."publicationId"`);

/**
 * The SearchScoring row of the document `id` (SQL), as alias `alias` (to
 * follow a FROM item): the columns inRowScoreSql reads, looked up by key.
 */
export function scoringRowSql(alias: string, id: Prisma.Sql): Prisma.Sql {
  const s = Prisma.raw(alias);
  return Prisma.sql`LEFT JOIN LATERAL (
        SELECT s.title, s.head, s."titleKey", s."numberKeys" FROM "SearchScoring" s
        WHERE s."publicationId" = ${id} OFFSET 0) ${s} ON TRUE`;
}

/**
 * Up to this many papers queued, a filtered search looks each one up and tests
 * its words (reading its body and PDFs: up to about 130 µs each); past it (a
 * migration or an import queues every paper) the documents holding the words
 * that are queued, however the planner finds them: the words' matches kept
 * by a hash of the queue cost what testing facts row by row did.
 */
export const QUEUED_LOOKED_UP = 300;

/**
 * The CTE `queued_matches` (to lead a WITH list): the queued papers' documents
 * holding every word of the search, each in one of their parts, with their
 * in-row columns. Their facts may be out of date (a paper's entries change in
 * the transaction that queues it), so a search narrowed by facts takes them
 * whatever their facts (matchingDocumentsSql), and the catalogue's entries
 * decide. Made once, not in each set: each branch of its own in a set
 * doubled the statement's planning time. The queue is read once, up to one
 * past the threshold, and each branch runs only when its test of that holds.
 * It is read through its key's index, not its table: a queue just emptied
 * holds its rows dead until a vacuum, and at 100,000 papers a rebuild left
 * 5,045 pages of them, which every filtered search read to find nothing
 * (20 ms, most of them from outside the database's buffers); its key's index
 * holds such dead rows in about a third of the pages (1,658 against 5,410),
 * and the indexer vacuums them away (search-index.ts: vacuumSearchQueue).
 */
export function queuedMatchesCte(plan: SearchPlan): Prisma.Sql {
  const everyWord = Prisma.join(
    plan.words.map((w) => inAnyPart("d", tsquery(w))),
    " AND ",
  );
  const few = Prisma.sql`((SELECT count(*) FROM queue_head) <= ${QUEUED_LOOKED_UP})`;
  return Prisma.sql`
    queue_head AS MATERIALIZED (
      SELECT q."publicationId" FROM "SearchQueue" q ORDER BY q."publicationId" LIMIT ${QUEUED_LOOKED_UP + 1}),
    queued_matches AS MATERIALIZED (
      SELECT d.* FROM queue_head q CROSS JOIN LATERAL (
        SELECT ${IN_ROW_COLUMNS} FROM "SearchDocument" d ${SCORED}
        WHERE d."publicationId" = q."publicationId" AND ${everyWord} OFFSET 0) d
      WHERE ${few}
      UNION ALL
      SELECT ${IN_ROW_COLUMNS} FROM "SearchDocument" d ${SCORED}
      WHERE NOT ${few} AND ${everyPart("d")} @@ ${tsquery(plan.match)} AND d."publicationId" IN ${QUEUED})`;
}

/**
 * The documents holding every word of `text`, each in any of their parts
 * (asked of the all-parts index), or with `part`, all in that one (asked of
 * SearchScoring's index of it), and with `facts` (a tsquery on the fact
 * lexemes) carrying them: a FROM item, alias `alias`, of their keys
 * (`"publicationId"`) and, when `scored`, the columns their in-row scores
 * read. With facts, the statement's WITH list must hold queuedMatchesCte.
 *
 * Every part's vector carries the paper's facts (lib/search/document.ts), so
 * the index answers the words and the facts together, without reading a row:
 * at 100,000 papers, "climate" in one series and year is held by 57,157
 * documents of which 2,710 carry both facts, and testing the facts row by row
 * took 268 ms. A queued paper is taken from `queued_matches` instead, whatever
 * its facts: it holds every word of the search, so also those of `text`, or
 * is not a result (in a title or summary tier, it is merely ranked too).
 */
export function matchingDocumentsSql(
  alias: string,
  text: string,
  facts: Prisma.Sql | null,
  { part, scored = true }: { part?: "title" | "head"; scored?: boolean } = {},
): Prisma.Sql {
  // A part's tier reads SearchScoring alone: its rows hold the part's vector and the in-row columns.
  const from = part
    ? Prisma.sql`"SearchScoring" d`
    : scored
      ? Prisma.sql`"SearchDocument" d ${SCORED}`
      : Prisma.sql`"SearchDocument" d`;
  const columns = scored ? inRowColumns(part ? "d" : "s") : Prisma.sql`d."publicationId"`;
  const holding = (q: Prisma.Sql) => Prisma.sql`${part ? Prisma.sql`d.${Prisma.raw(part)}` : everyPart("d")} @@ ${q}`;
  if (!facts) return Prisma.sql`(SELECT ${columns} FROM ${from} WHERE ${holding(tsquery(text))}) ${Prisma.raw(alias)}`;
  const both = holding(withFacts(text, facts));
  const queued = scored ? Prisma.sql`SELECT * FROM queued_matches` : Prisma.sql`SELECT q."publicationId" FROM queued_matches q`;
  return Prisma.sql`(
    SELECT ${columns} FROM ${from}
    WHERE ${both} AND d."publicationId" NOT IN (SELECT q."publicationId" FROM queued_matches q)
    UNION ALL
    ${queued}) ${Prisma.raw(alias)}`;
}

/**
 * The documents whose report number, alone or after its series' prefix, is
 * the query, and which hold every word of it, each in any part: a FROM item,
 * alias `alias`, with the columns their in-row scores read (as
 * matchingDocumentsSql's). Looked up by the number's own index, so that past
 * the count's cap, where the listing's set holds only the first documents the
 * words' index gives, an exact number is still ranked first; the paper's
 * entry then applies the filters. Each one's words are tested on its own
 * document, looked up by key (a scalar subquery, never made a join): as an
 * EXISTS, the planner joined it by hashing, and scanned the all-parts index
 * for the words before finding no number to join (15,016 entries for
 * "policy" at 30,000 papers, about 1 ms of every search past the cap).
 */
export function numberMatchesSql(alias: string, plan: SearchPlan): Prisma.Sql {
  return Prisma.sql`(SELECT ${inRowColumns("d")} FROM "SearchScoring" d
    WHERE d."numberKeys" @> ARRAY[${plan.number}]::text[] AND (
      SELECT ${everyPart("x")} @@ ${tsquery(plan.match)} FROM "SearchDocument" x WHERE x."publicationId" = d."publicationId") IS TRUE) ${Prisma.raw(alias)}`;
}

/**
 * A document's in-row score (alias `d`): everything but the body and the PDFs.
 * Each part is asked first whether it can score at all: the title whether it
 * holds any of the words, the head whether it holds them all (a phrase holds
 * them all too). Most matches of a search pass neither, and for those two
 * tests replace the four to six of the tiers and the title's words: scoring
 * was 6.5 ms of the 15 the listing's set of "sanctions region" in one series
 * took at 10,000 papers (1,667 matches), and scoring every document there
 * took a third less time this way, the same scores (README Performance).
 */
export function inRowScoreSql(plan: SearchPlan): Prisma.Sql {
  const titleWords = Prisma.join(
    plan.words.map((w) => Prisma.sql`(${inRow("title", w)})::int`),
    " + ",
  );
  const anyWord = plan.words.join(" | ");
  const headTier =
    plan.phrase === plan.match
      ? Prisma.sql`20::float8`
      : Prisma.sql`CASE WHEN ${inRow("head", plan.phrase)} THEN 20::float8 ELSE 10 END`;
  return Prisma.sql`(
      CASE WHEN d."titleKey" = ${plan.exact} OR ${plan.number} = ANY(d."numberKeys") THEN 1000 ELSE 0 END
      + CASE WHEN ${inRow("title", anyWord)}
          THEN ${tiered(plan, (t) => inRow("title", t), 100, 50)} + 3.0 * (${titleWords}) / ${plan.words.length} ELSE 0 END
      + CASE WHEN ${inRow("head", plan.match)} THEN ${headTier} ELSE 0 END
    )::float8`;
}

/**
 * A candidate's own document (alias `c`), or NULL when only its twin matched:
 * its own is then neither a source of the ranking nor read.
 */
const OWN_DOCUMENT = Prisma.sql`(CASE WHEN c.own IS NOT NULL THEN c.id END)`;

/**
 * An unfiltered search with more than READ_VECTORS_UP_TO candidates first reads
 * the vectors of its best candidates alone: the page's and this many more,
 * those that could reach the highest score first, then newest
 * (settledFrontCtes). Past the count's cap a common word's candidates are
 * thousands, and scanning the body and PDF indexes for them visits the row of
 * every document holding the word: at 100,000 papers "policy" took 111 ms
 * that way and 47 ms settled from its front (README Performance).
 */
export const FRONT_BEYOND_PAGE = 15;

export type RankingOptions = {
  readVectorsUpTo?: number;
  /** The listing's facts (a tsquery on the fact lexemes), when the search is filtered; the WITH list then holds queuedMatchesCte. */
  facts?: Prisma.Sql | null;
  /** FRONT_BEYOND_PAGE; null never settles a page from its front (the indexes are scanned, as for a filtered search). */
  frontBeyondPage?: number | null;
};

/**
 * The CTEs (to follow `m` in a WITH list) that rank the page
 * ending at rank `last`: `candidates`, the listed papers whose in-row score
 * (m.score) is within BODY_AND_PDF_MOST of the `last`-th best, and their
 * source documents; then which of those documents hold the words in the body
 * and the PDFs (each an index scan limited to those ids); and `ranked`, the
 * candidates with their full score. `where` is the filter on `m`.
 */
export function rankingCtes(
  plan: SearchPlan,
  where: Prisma.Sql,
  last: number,
  { readVectorsUpTo = READ_VECTORS_UP_TO, facts = null, frontBeyondPage = FRONT_BEYOND_PAGE }: RankingOptions = {},
): Prisma.Sql {
  // A filtered search's index scans ask for its facts and visit only the filtered papers' rows,
  // often cheaper than reading its front's vectors (README Performance, "A search page settled
  // from its best candidates": tried for filtered searches too, not kept).
  const front = facts === null && frontBeyondPage !== null ? { beyond: frontBeyondPage } : null;
  const unsettled = front ? Prisma.sql`AND NOT (SELECT yes FROM settled)` : Prisma.empty;
  // A few candidates: each one's vector is read and tested. Many (a word in every summary puts
  // every match within reach of the page): the part's index is scanned and its matches kept if
  // they are candidates, by a hash of the candidates' ids ("+ 0" keeps the planner off the id
  // index, which would read every vector). A filtered search's candidates all carry its facts
  // in every part (they came from sets asked for them: matchingDocumentsSql), so the scan asks
  // for them too and visits only the filtered papers' rows: at 100,000 papers a common word
  // filtered by series and year scanned some 50,000 rows of each part to keep 2,000, 40-60 ms
  // each. Queued candidates, whose facts may be out of date, are tested one by one, each looked up
  // by its key (OFFSET 0 keeps it so): joined, the planner scanned the part's index for the words
  // first, whatever the queue held (32 ms of a search at 100,000 papers, with nothing queued).
  const holding = (name: string, column: "body" | "pdf", text: string, gate: Prisma.Sql = Prisma.empty) => {
    const part = Prisma.raw(column);
    const scanned = facts ? withFacts(text, facts) : tsquery(text);
    const queued = facts
      ? Prisma.sql`
      UNION ALL
      SELECT q."publicationId" FROM queued_matches q CROSS JOIN LATERAL (
        SELECT FROM "SearchDocument" d WHERE d."publicationId" = q."publicationId" AND d.${part} @@ ${tsquery(text)} OFFSET 0) d
      WHERE (SELECT n FROM candidate_sources) > ${readVectorsUpTo}
        AND q."publicationId" = ANY((SELECT ids FROM candidate_sources)::int[])`
      : Prisma.empty;
    return Prisma.sql`
    ${Prisma.raw(name)} AS MATERIALIZED (
      SELECT "publicationId" AS id FROM "SearchDocument"
      WHERE (SELECT n FROM candidate_sources) <= ${readVectorsUpTo}
        AND "publicationId" = ANY((SELECT ids FROM candidate_sources)::int[]) AND ${part} @@ ${tsquery(text)}
      UNION ALL
      SELECT "publicationId" FROM "SearchDocument"
      WHERE (SELECT n FROM candidate_sources) > ${readVectorsUpTo} ${gate}
        AND "publicationId" + 0 IN (SELECT unnest(ids) FROM candidate_sources) AND ${part} @@ ${scanned}${queued})`;
  };
  // What a matching document's body and PDFs add to its in-row score, from the sets.
  const bodyAndPdf = (source: Prisma.Sql) =>
    bodyAndPdfSql(plan, (column) => inSetFor(plan, source, `${column}_phrase`, `${column}_words`));
  const fullScore = Prisma.sql`greatest(c.own + ${bodyAndPdf(Prisma.sql`c.id`)}, c."twinScore" + ${bodyAndPdf(Prisma.sql`c.twin`)})`;
  // The phrase's sets come first and are always read: a front is chosen and judged by them
  // (settledFrontCtes). Only the words' sets, which every matching document holds, can be skipped.
  const phraseSets =
    plan.phrase === plan.match ? [] : [holding("body_phrase", "body", plan.phrase), holding("pdf_phrase", "pdf", plan.phrase)];
  const wordSets = [holding("body_words", "body", plan.match, unsettled), holding("pdf_words", "pdf", plan.match, unsettled)];
  const ranked = front
    ? Prisma.sql`
    ranked AS (SELECT s.id, s."publishedAt", s.score FROM front_scored s WHERE (SELECT yes FROM settled)
      UNION ALL
      SELECT c.id, c."publishedAt", ${fullScore} AS score FROM candidates c WHERE NOT (SELECT yes FROM settled))`
    : Prisma.sql`
    ranked AS (SELECT c.id, c."publishedAt", ${fullScore} AS score FROM candidates c)`;
  return Prisma.sql`
    bar AS (SELECT m.score FROM m WHERE ${where} ORDER BY m.score DESC OFFSET ${last - 1} LIMIT 1),
    candidates AS MATERIALIZED (SELECT m.id, m."publishedAt", m.score, m.own, m.twin, m."twinScore" FROM m
      WHERE ${where} AND m.score >= coalesce((SELECT score FROM bar), '-infinity'::float8) - ${BODY_AND_PDF_MOST}),
    candidate_sources AS MATERIALIZED (SELECT array_agg(s.id) AS ids, count(*) AS n
      FROM candidates c, LATERAL (VALUES ${OWN_DOCUMENT}, (c.twin)) AS s(id)
      WHERE s.id IS NOT NULL),
    ${Prisma.join(
      [...phraseSets, ...(front ? [settledFrontCtes(plan, last, front.beyond, readVectorsUpTo)] : []), ...wordSets],
      ",",
    )},${ranked}`;
}

/**
 * The CTEs (after `candidates`, `candidate_sources` and the phrase's sets) that
 * try to settle the page ending at rank `last` from its front, so that the
 * words' sets, whose index scans visit every document holding a common word,
 * are never read. A candidate's reach is the most its body and PDFs could add:
 * what the phrase's sets give it, else the words' tier (for one word, every
 * point). `front` is the best `last + beyond` candidates by reach, then newest
 * (when there are more than `readVectorsUpTo` candidate documents; else none);
 * `front_scored` their full scores, each document's part read by its key only
 * when the phrase's set does not settle its tier; `settled` whether no
 * candidate outside the front can rank above the page's last.
 *
 * None can when the front holds every candidate, or when the front's last
 * (reach, date, id) ranks below the page's last (full score, date, id): every
 * candidate outside the front comes after that one, its full score is at most
 * its reach (the sums rise with their terms), and a tie in score is decided by
 * a date and id below the page's last. A broad word in every title and body
 * ties thousands of candidates: the newest of them hold the page, and the
 * front settles it. Otherwise the page is ranked as before, every candidate's
 * words looked up in the indexes; the front's reads are lost.
 */
function settledFrontCtes(plan: SearchPlan, last: number, beyond: number, readVectorsUpTo: number): Prisma.Sql {
  const size = last + beyond;
  // The words' tier of a document's part, read from its vector; the phrase's, from its set.
  const holds = (column: "body" | "pdf", doc: Prisma.Sql) => (text: string) =>
    text === plan.match
      ? Prisma.sql`(SELECT d.${Prisma.raw(column)} @@ ${tsquery(text)} FROM "SearchDocument" d WHERE d."publicationId" = ${doc})`
      : inSet(`${column}_phrase`, doc);
  // The most a document's parts could add: the points as scored, its words taken to be there.
  const reach = (doc: Prisma.Sql) =>
    bodyAndPdfSql(plan, (column) => (text) => (text === plan.match ? Prisma.sql`TRUE` : inSet(`${column}_phrase`, doc)));
  const tiers = (doc: Prisma.Sql) => bodyAndPdfSql(plan, (column) => holds(column, doc));
  return Prisma.sql`
    front AS MATERIALIZED (
      SELECT c.*, greatest(c.own + ${reach(Prisma.sql`c.id`)}, c."twinScore" + ${reach(Prisma.sql`c.twin`)}) AS reach
      FROM candidates c WHERE (SELECT n FROM candidate_sources) > ${readVectorsUpTo}
      ORDER BY reach DESC, c."publishedAt" DESC, c.id DESC LIMIT ${size}),
    front_scored AS MATERIALIZED (
      SELECT c.id, c."publishedAt", c.reach,
        greatest(c.own + ${tiers(OWN_DOCUMENT)}, c."twinScore" + ${tiers(Prisma.sql`c.twin`)}) AS score
      FROM front c),
    settled AS MATERIALIZED (SELECT coalesce((SELECT count(*) FROM front) > 0 AND (
      (SELECT count(*) FROM front) < ${size}
      OR (SELECT (b.reach, b."publishedAt", b.id) FROM front_scored b ORDER BY b.reach, b."publishedAt", b.id LIMIT 1)
        < (SELECT (p.score, p."publishedAt", p.id)
          FROM front_scored p ORDER BY p.score DESC, p."publishedAt" DESC, p.id DESC OFFSET ${last - 1} LIMIT 1)), FALSE) AS yes)`;
}

/**
 * What a document's body and PDFs add to its in-row score (4 / 2 and 1 / 0.5),
 * `holds(part)` telling whether that part holds a query text. One expression
 * for the full score and for the front's, so that the floating-point sums are
 * the same terms in the same order (settledFrontCtes).
 */
function bodyAndPdfSql(plan: SearchPlan, holds: (part: "body" | "pdf") => (text: string) => Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${tiered(plan, holds("body"), 4, 2)} + ${tiered(plan, holds("pdf"), 1, 0.5)}`;
}

/** Tests whether the document `source` is in the phrase's set or the words' set, whichever `tiered` asks. */
function inSetFor(plan: SearchPlan, source: Prisma.Sql, phraseSet: string, wordsSet: string) {
  return (text: string) => inSet(text === plan.match ? wordsSet : phraseSet, source);
}

/** Whether the document `source` is in the set (a CTE of ids) named `set`. */
function inSet(set: string, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${source} IN (SELECT id FROM ${Prisma.raw(set)})`;
}

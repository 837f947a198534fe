import "server-only";
import { db, namedQuery, pool } from "@/lib/db";
import { bodyBlocks, bodyParts, pdfParts, wholeBlocksOf, type DeferredPart, type TextPart } from "@/lib/search/paper-text";
import type { Locale } from "@/lib/i18n/routing";
import { bestSnippet, wordMarks, type Snippet } from "@/lib/search/snippet";
import { queryWords, type QueryWord } from "@/lib/search/tokens";
import { renderedBodySelect, type PaperSource } from "./rendered-bodies";
import { publicPublicationWhere } from "./visibility";

/** Where a result matched, shown under its title: a stretch of text with the query's words marked. */
export type ResultSnippet = {
  /** "subjects": the names of the paper's topics and regions (subjectSnippets). */
  where: "summary" | "body" | "pdf" | "subjects";
  /** The PDF page, for a PDF match. */
  page?: number;
  text: string;
  marks: { start: number; end: number }[];
  leading: boolean;
  trailing: boolean;
};

type PaperTexts = {
  summary: string;
  body: string;
  attachments: { id: number; extractedText: string | null }[];
};

function* partsOf(p: PaperTexts): Generator<TextPart | DeferredPart> {
  if (p.summary) yield { where: "summary", text: p.summary };
  // A block's Markdown is parsed only if its words could give the best snippet.
  yield* bodyBlocks(p.body);
  for (const a of p.attachments) if (a.extractedText) yield* pdfParts(a.id, a.extractedText);
}

const resultSnippet = (found: Snippet): ResultSnippet => ({
  where: found.part.where,
  ...(found.part.where === "pdf" ? { page: found.part.page } : {}),
  text: found.text,
  marks: found.marks,
  leading: found.leading,
  trailing: found.trailing,
});

/**
 * Characters of a result's body read first. A snippet is the first stretch
 * that holds every word of the query, when one does (lib/search/snippet.ts),
 * and for most searches it lies near the top of the summary or the body:
 * reading that much of each result, rather than all of it, skips most of what
 * a page of results read (twenty real-size bodies and their PDFs' text, some
 * 800 KB at the benchmark's papers, for snippets a few lines long).
 */
export const FIRST_READ_CHARS = 8_000;

type Beginning = { id: number; summary: string; body: string; cut: boolean };

/**
 * What a result's beginning gave: its snippet so far (null when it holds no
 * word), and where in its body reading goes on (`from`, in `body`) when that
 * snippet does not hold every word: past its whole blocks, or nowhere when
 * the body ended within the beginning (`cut` false).
 */
type FirstRead = Beginning & { snippet: Snippet | null; from: number };

// The texts of a page of results, and of their twins, are read through the
// pool, not Prisma: they are long (a real-size paper's body and PDF text, tens
// of KB each), and Prisma's mapping of them cost half as much CPU again as the
// driver's own rows (all the results of the benchmark's first 200 searches at
// 100,000 papers, read whole: 0.80 s against 0.53 s). Those searches' snippets
// and listed papers, made as here: 2.45 s of CPU against 2.68 s (medians of six
// rounds), the snippets' p50 12.4 against 13.9 ms.

/**
 * The snippets the beginnings of these papers give: the summary and the body's
 * whole blocks within FIRST_READ_CHARS. A snippet holding every word is the
 * one reading everything would give, since that too stops at the first
 * stretch holding them all; any other is where the rest's reading starts from
 * (searchSnippets).
 */
async function readBeginnings(ids: number[], words: QueryWord[]): Promise<FirstRead[]> {
  // Whether a body goes on past its beginning is told by their sizes in bytes: a stored text's size
  // is known without reading it, while its length in characters (length()) decompressed each body
  // whole and counted its characters: about 6 % of PostgreSQL's CPU in a search at 100,000 papers
  // (README Performance). The beginning is cut once (OFFSET 0 keeps the planner from copying it).
  const { rows } = await pool().query<Beginning>(
    namedQuery(
      `SELECT id, summary, body, octet_length(whole) > octet_length(body) AS cut FROM (
       SELECT id, summary, left(body, $2) AS body, body AS whole FROM "Publication" WHERE id = ANY($1::int[]) OFFSET 0) p`,
      [ids, FIRST_READ_CHARS],
    ),
  );
  return rows.map((row) => {
    const read = row.cut ? wholeBlocksOf(row.body) : row.body;
    const snippet = bestSnippet(partsOf({ summary: row.summary, body: read, attachments: [] }), words);
    return { ...row, snippet, from: read.length };
  });
}

/**
 * The rest of these papers, past their beginnings: each body's text after its
 * first FIRST_READ_CHARS characters (for those cut there), and each paper's
 * PDFs' text in the attachments' order. Reading on from the beginning, not
 * from the start, spares reading and searching it twice: at the benchmark's
 * papers more than half of a search's results go on past it (1,396 of 2,591
 * in its first 150 queries), and the snippets took about 5 % less CPU. An
 * edit between the two reads can at worst join two versions in one page's
 * snippet; the next page reads the new one.
 */
async function readRests(papers: FirstRead[]) {
  const cut = papers.filter((p) => p.cut).map((p) => p.id);
  const [bodies, files] = await Promise.all([
    cut.length === 0
      ? { rows: [] }
      : pool().query<{ id: number; rest: string }>(
          namedQuery(`SELECT id, substr(body, $2) AS rest FROM "Publication" WHERE id = ANY($1::int[])`, [
            cut,
            FIRST_READ_CHARS + 1,
          ]),
        ),
    attachmentTexts(papers.map((p) => p.id)),
  ]);
  const rests = new Map(bodies.rows.map((r) => [r.id, r.rest]));
  return papers.map((p) => ({
    ...p,
    // The blocks from the last whole one read: the beginning's last (maybe cut) block whole again.
    rest: p.cut ? (p.body + (rests.get(p.id) ?? "")).slice(p.from) : "",
    attachments: files.get(p.id) ?? [],
  }));
}

/** Each paper's PDFs' text, in the attachments' order. */
async function attachmentTexts(ids: number[]): Promise<Map<number, PaperTexts["attachments"]>> {
  const { rows } = await pool().query<{ paper: number; id: number; extractedText: string | null }>(
    namedQuery(
      `SELECT "publicationId" AS paper, id, "extractedText" FROM "Attachment"
     WHERE "publicationId" = ANY($1::int[]) ORDER BY "sortOrder", id`,
      [ids],
    ),
  );
  const byPaper = new Map<number, PaperTexts["attachments"]>();
  for (const f of rows) {
    const files = byPaper.get(f.paper) ?? [];
    files.push({ id: f.id, extractedText: f.extractedText });
    byPaper.set(f.paper, files);
  }
  return byPaper;
}

/** These papers' whole texts: summary, body, and each PDF's text in the attachments' order. */
async function wholeTexts(ids: number[]): Promise<(PaperTexts & { id: number })[]> {
  const [papers, files] = await Promise.all([
    pool().query<{ id: number; summary: string; body: string }>(
      namedQuery(`SELECT id, summary, body FROM "Publication" WHERE id = ANY($1::int[])`, [ids]),
    ),
    attachmentTexts(ids),
  ]);
  return papers.rows.map((p) => ({ ...p, attachments: files.get(p.id) ?? [] }));
}

/**
 * A snippet for each of these results: from the paper's summary, body or PDF
 * pages, whichever holds the most of the query's words together; from its
 * public twin when the paper itself does not hold them (a Korean query on an
 * English paper found through its Korean version). Each paper's beginning is
 * read first (FIRST_READ_CHARS); the rest of it only when that did not hold
 * every word. The twins' texts are read only for those results: reading them
 * for every result doubled what a search read and scanned.
 */
export async function searchSnippets(ids: number[], q: string, locale: Locale): Promise<Record<number, ResultSnippet>> {
  const words = queryWords(q);
  if (ids.length === 0 || words.length === 0) return {};
  const out = await textSnippets(ids, words);
  const unexplained = ids.filter((id) => !out[id]);
  return unexplained.length === 0 ? out : { ...out, ...(await subjectSnippets(unexplained, words, locale)) };
}

/** searchSnippets from the papers' texts, and their twins'. */
async function textSnippets(ids: number[], words: QueryWord[]): Promise<Record<number, ResultSnippet>> {
  const out: Record<number, ResultSnippet> = {};
  const firstReads = await readBeginnings(ids, words);
  const goOn: FirstRead[] = [];
  for (const p of firstReads) {
    if (p.snippet?.words === words.length) out[p.id] = resultSnippet(p.snippet);
    else goOn.push(p);
  }
  if (goOn.length === 0) return out;
  const throughTwin: number[] = [];
  for (const p of await readRests(goOn)) {
    const rest = partsOf({ summary: "", body: p.rest, attachments: p.attachments });
    const found = bestSnippet(rest, words, p.snippet);
    if (found) out[p.id] = resultSnippet(found);
    else throughTwin.push(p.id);
  }
  if (throughTwin.length === 0) return out;
  // Each such result's public twin, its texts read as the results' own are (two results may share one).
  const twin = { where: publicPublicationWhere(), select: { id: true } };
  const links = await db.publication.findMany({
    where: { id: { in: throughTwin } },
    select: { id: true, translation: twin, translatedFrom: twin },
  });
  const pairs = links.flatMap((p) => {
    const other = p.translation ?? p.translatedFrom;
    return other ? [{ id: p.id, twin: other.id }] : [];
  });
  if (pairs.length === 0) return out;
  const texts = new Map((await wholeTexts(pairs.map((p) => p.twin))).map((t) => [t.id, t]));
  for (const { id, twin } of pairs) {
    const other = texts.get(twin);
    const found = other ? bestSnippet(partsOf(other), words) : null;
    if (found) out[id] = resultSnippet(found);
  }
  return out;
}

/**
 * For results that no text of theirs or of their twin explains: the names of
 * their topics and regions that hold the query's words, marked. The summary's
 * vector holds those names in both languages (lib/search/document.ts), so a
 * paper tagged "Japan" is found by "Japan" whatever its text says, and without
 * this its result showed nothing of why. Each name in the language whose
 * name holds more of the words, the reader's when both hold as many.
 */
async function subjectSnippets(ids: number[], words: QueryWord[], locale: Locale): Promise<Record<number, ResultSnippet>> {
  const names = { select: { nameKo: true, nameEn: true } } as const;
  const papers = await db.publication.findMany({
    where: { id: { in: ids } },
    select: { id: true, topics: { select: { topic: names } }, regions: { select: { region: names } } },
  });
  const out: Record<number, ResultSnippet> = {};
  for (const p of papers) {
    const subjects = [...p.topics.map((t) => t.topic), ...p.regions.map((r) => r.region)];
    const shown = subjects.flatMap((n) => {
      const [mine, other] = locale === "ko" ? [n.nameKo, n.nameEn] : [n.nameEn, n.nameKo];
      const [inMine, inOther] = [wordMarks(mine, words).length, wordMarks(other, words).length];
      if (inMine === 0 && inOther === 0) return [];
      return [inOther > inMine ? other : mine];
    });
    if (shown.length === 0) continue;
    const text = shown.join(" · ");
    out[p.id] = { where: "subjects", text, marks: wordMarks(text, words), leading: false, trailing: false };
  }
  return out;
}

/** One place in a paper that holds the words: a body section (its heading's anchor) or a PDF page. */
export type PaperMatch =
  | { where: "body"; anchor: string | null; heading: string | null; snippet: ResultSnippet }
  | { where: "pdf"; attachmentId: number; fileName: string; page: number; snippet: ResultSnippet };

/** At most this many places are listed: the first ones in the paper's order. */
export const MAX_PAPER_MATCHES = 30;

/**
 * "Search in this paper": every body section and PDF page of a public paper
 * that holds at least one of the words, in the paper's order, with its
 * snippet. `anchors` are the table of contents' ids, section by section.
 * Null when the paper is not public.
 */
export async function findInPaper(
  id: number,
  q: string,
  anchors: (paper: PaperSource) => Promise<string[]>,
): Promise<PaperMatch[] | null> {
  const paper = await db.publication.findFirst({
    where: { id, ...publicPublicationWhere() },
    select: {
      id: true,
      body: true,
      renderedBody: renderedBodySelect,
      attachments: { orderBy: { sortOrder: "asc" }, select: { id: true, fileName: true, extractedText: true } },
    },
  });
  if (!paper) return null;
  const words = queryWords(q);
  if (words.length === 0) return [];
  const ids = await anchors(paper);
  const out: PaperMatch[] = [];
  const snippetOf = (part: TextPart): ResultSnippet | null => {
    const s = bestSnippet([part], words);
    return s ? resultSnippet(s) : null;
  };
  for (const part of bodyParts(paper.body)) {
    const snippet = snippetOf(part);
    if (snippet) out.push({ where: "body", anchor: ids[part.section - 1] ?? null, heading: part.heading, snippet });
    if (out.length >= MAX_PAPER_MATCHES) return out;
  }
  for (const a of paper.attachments) {
    for (const part of pdfParts(a.id, a.extractedText ?? "")) {
      const snippet = snippetOf(part);
      if (snippet)
        out.push({
          where: "pdf",
          attachmentId: a.id,
          fileName: a.fileName,
          page: part.page,
          snippet,
        });
      if (out.length >= MAX_PAPER_MATCHES) return out;
    }
  }
  return out;
}

import type { DeferredPart, TextPart } from "./paper-text";
import { cjkPieceAround, insideWord, normalize, textPieces, wordAt, wordToken, type QueryWord } from "./tokens";

/** Characters of text a snippet shows around its matches. */
export const SNIPPET_LENGTH = 180;

export type Span = { start: number; end: number };
export type Snippet = {
  part: TextPart;
  text: string;
  marks: Span[];
  leading: boolean;
  trailing: boolean;
  /** How many different query words the snippet's window holds; when that is all of them, no later part could do better. */
  words: number;
};

type Hit = Span & { word: number };

/**
 * Where in `text` each query word is: a stemmed word matches a whole word
 * ("sanctions" for "sanction"); a Korean word its stem inside a word
 * ("동맹" in "한미동맹을"); written with other spacing ("북러 동맹" for
 * "북러동맹"), each word holding one of its syllable pairs.
 *
 * Each word is looked for where it can start (indexOf in the normalized
 * text), not by splitting the text into words: a result's text runs to tens
 * of KB, and splitting and stemming every word of it was most of a snippet's
 * time. The hits are those of the text's pieces (textPieces) one by one, which
 * is still how a text is read when normalizing changed its length.
 */
export function findHits(text: string, words: QueryWord[], { whole, possible }: FirstLook = firstLook(text, words)): Hit[] {
  // Most parts of a result hold few of the query's words: those it cannot hold are not looked for.
  if (!possible.includes(true)) return [];
  if (whole.length !== text.length) return hitsPieceByPiece(text, words, possible);
  const hits: Hit[] = [];
  words.forEach((w, word) => {
    if (possible[word]) (w.kind === "word" ? wordHits : cjkHits)(whole, w, word, hits);
  });
  return hits.sort(byPlace);
}

const byPlace = (a: Hit, b: Hit) => a.start - b.start || a.end - b.end;

/** A stemmed word's hits: the words of `text` whose token is its stem, looked at only where they can start (wordStarts). */
function wordHits(text: string, w: QueryWord, word: number, hits: Hit[]) {
  for (const at of wordStarts(text, w)) {
    const found = wordAt(text, at);
    if (found && cachedWordToken(found) === w.stem) hits.push({ start: at, end: at + found.length, word });
  }
}

/**
 * A Korean word's hits: each place its stem is; and each Korean piece (a run
 * of Hangul or Han) without the stem that holds one of its syllable pairs,
 * marked whole, when the stem has more than one pair ("북러" and "동맹" of
 * "북러 동맹" for "북러동맹").
 */
function cjkHits(text: string, w: QueryWord, word: number, hits: Hit[]) {
  for (let at = text.indexOf(w.stem); at >= 0; at = text.indexOf(w.stem, at + w.stem.length))
    hits.push({ start: at, end: at + w.stem.length, word });
  if (w.tokens.length < 2) return;
  const marked = new Set<number>();
  for (const token of w.tokens) {
    for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
      const piece = cjkPieceAround(text, at);
      if (marked.has(piece.start)) continue;
      marked.add(piece.start);
      if (!text.slice(piece.start, piece.end).includes(w.stem)) hits.push({ ...piece, word });
    }
  }
}

/** findHits for text whose normalized form has another length: piece by piece, each normalized alone, a piece whose length changed marked whole. */
function hitsPieceByPiece(text: string, words: QueryWord[], possible: boolean[]): Hit[] {
  const hits: Hit[] = [];
  for (const p of textPieces(text)) {
    const norm = normalize(p.text);
    const aligned = norm.length === p.text.length;
    words.forEach((w, word) => {
      if (w.kind !== p.kind || !possible[word]) return;
      if (w.kind === "word") {
        if (cachedWordToken(norm) === w.stem) hits.push({ start: p.start, end: p.end, word });
        return;
      }
      let at = norm.indexOf(w.stem);
      if (at >= 0) {
        for (; at >= 0; at = norm.indexOf(w.stem, at + w.stem.length))
          hits.push(aligned ? { start: p.start + at, end: p.start + at + w.stem.length, word } : { ...p, word });
      } else if (w.tokens.length > 1 && w.tokens.some((t) => norm.includes(t))) {
        hits.push({ start: p.start, end: p.end, word });
      }
    });
  }
  return hits.sort(byPlace);
}

/** A text normalized, and which of the query's words it may hold (mayHold): what findHits starts from. */
type FirstLook = { whole: string; possible: boolean[] };

function firstLook(text: string, words: QueryWord[]): FirstLook {
  const whole = normalize(text);
  return { whole, possible: words.map((w) => mayHold(whole, w)) };
}

/**
 * Whether normalized text can hold the word at all, by substring search: a
 * Korean word is found only where one of its syllable pairs is; an English
 * word only where it can start (wordStarts).
 */
export function mayHold(normalized: string, w: QueryWord): boolean {
  if (w.kind === "cjk") return w.tokens.some((t) => normalized.includes(t));
  return !wordStarts(normalized, w).next().done;
}

/**
 * Where in normalized text an English word whose token is `w`'s stem can
 * start: where its stem's beginning starts a word, as Porter stemming
 * rewrites at most a word's last letters ("happi" for "happy", "relat" for
 * "relational"), so all but the stem's last two letters start the word as
 * written. Where a word starts matters for a short stem: "ke" of "kele" is
 * inside most paragraphs ("make", "taken"), and each place let through lets
 * a paragraph through (mayHold) and is stemmed (findHits).
 */
function* wordStarts(normalized: string, w: QueryWord): Generator<number> {
  const start = w.stem.slice(0, Math.max(1, w.stem.length - 2));
  for (let at = normalized.indexOf(start); at >= 0; at = normalized.indexOf(start, at + 1))
    if (!insideWord(normalized, at)) yield at;
}

/**
 * Stemming every word of every result's text was most of a snippet's time; a
 * paper's words repeat (and papers share most of theirs), so each word is
 * stemmed once per process. A pure function's memo, bounded: emptied when full.
 */
const stems = new Map<string, string | null>();
const MAX_STEMS = 100_000;
function cachedWordToken(word: string): string | null {
  let token = stems.get(word);
  if (token === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    token = wordToken(word);
    stems.set(word, token);
  }
  return token;
}

/** The window of SNIPPET_LENGTH with the most different words in it (the earliest among equals). */
function bestWindow(hits: Hit[]): { from: number; words: number } {
  let best = { from: 0, words: 0 };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>();
    for (let j = i; j < hits.length && hits[j]!.end - hits[i]!.start <= SNIPPET_LENGTH; j++) seen.add(hits[j]!.word);
    if (seen.size > best.words) best = { from: i, words: seen.size };
  }
  return best;
}

/** The snippet of one part around its best window, cut at spaces, with its marks. */
function cut(part: TextPart, hits: Hit[], from: number, words: number): Snippet {
  const text = part.text;
  const first = hits[from]!;
  // Some context before the first match, then the window.
  let start = Math.max(0, first.start - Math.floor(SNIPPET_LENGTH / 4));
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > first.end) end = space;
  }
  const marks = joined(
    hits.filter((h) => h.start >= start && h.end <= end).map((h) => ({ start: h.start - start, end: h.end - start })),
  );
  return {
    part,
    // One space for each whitespace character, so the marks keep their places.
    text: text.slice(start, end).replace(/\s/g, " "),
    marks,
    leading: start > 0,
    trailing: end < text.length,
    words,
  };
}

/** Spans in order with the overlapping ones (two words in one) made one. */
function joined(spans: Span[]): Span[] {
  return spans.reduce<Span[]>((out, m) => {
    const last = out.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else out.push({ ...m });
    return out;
  }, []);
}

/**
 * Where the query's words are in a short text shown whole (a result's title,
 * subtitle or an author's name), for marking: the same matching as the
 * snippets', so "sanction" marks "Sanctions" and "동맹" marks it inside "동맹의".
 */
export function wordMarks(text: string, words: QueryWord[]): Span[] {
  return joined(findHits(text, words).map(({ start, end }) => ({ start, end })));
}

/** How many different query words the hits hold. */
function differentWords(hits: Hit[]): number {
  return new Set(hits.map((h) => h.word)).size;
}

/**
 * The snippet from the part where the query matches best: the most different
 * words within a snippet's length, the earlier part among equals (summary,
 * then body, then PDF pages, as given). Null when no part holds any word.
 * A part is searched only when it may hold more different words than the
 * best window so far (mayHold): with fewer it could not take the lead. A
 * deferred part's text is made only when its source holds more: its text
 * holds no word its source does not.
 *
 * `sofar` is the snippet of the parts before these (bestSnippet of them):
 * the search goes on from there, and gives what one search of all the parts
 * would, without reading those again.
 */
export function bestSnippet(
  parts: Iterable<TextPart | DeferredPart>,
  words: QueryWord[],
  sofar: Snippet | null = null,
): Snippet | null {
  let best: { part: TextPart; hits: Hit[]; from: number; words: number } | null = null;
  // The most different words a window holds so far: a later part must hold more to lead.
  const most = () => best?.words ?? sofar?.words ?? 0;
  if (most() === words.length) return sofar;
  for (const candidate of parts) {
    const deferred = "source" in candidate;
    const look = firstLook(deferred ? candidate.source : candidate.text, words);
    // How many words a part may hold bounds how many it holds; counted exactly only when that could lead.
    if (look.possible.filter(Boolean).length <= most()) continue;
    let part: TextPart | null;
    if (deferred) {
      if (differentWords(findHits(candidate.source, words, look)) <= most()) continue;
      part = candidate.text();
      if (!part) continue;
    } else part = candidate;
    const hits = deferred ? findHits(part.text, words) : findHits(part.text, words, look);
    if (hits.length === 0) continue;
    const window = bestWindow(hits);
    if (window.words > most()) best = { part, hits, ...window };
    // Every word in one window: no later part can do better.
    if (most() === words.length) break;
  }
  return best ? cut(best.part, best.hits, best.from, best.words) : sofar;
}

import { lexeme } from "./query";
import type { QueryWord } from "./tokens";

/** Past this many ways of choosing which words a part must hold, no query is written: the part is read. */
const MOST_CHOICES = 20;

/**
 * Whether reading one part of a paper (its body past the beginning, or its
 * PDFs' text) could give a snippet holding more than `best` of `words`, as a
 * tsquery (text) that part's search vector must match; null when the vector
 * cannot tell, and the part is read.
 *
 * A snippet's hit of a word (snippet.ts: findHits) is text the index holds a
 * token of (tokens.ts: indexTokens normalizes the same way): an English word
 * whose stem is the word's, a Korean word's stem, whose syllable pairs are
 * all tokens, or a Korean piece holding one of its pairs. So a part whose
 * vector holds at most `best` of the words, each by any of its tokens, has no
 * stretch holding more, and reading it cannot change the snippet. A
 * one-syllable Korean word is found at the end of a word ("핵" in "북핵"),
 * where the index keeps only the pair: the vector cannot say, and the word is
 * counted as held.
 */
export function partReachQuery(words: QueryWord[], best: number): string | null {
  const told = words.filter((w) => !(w.kind === "cjk" && w.oneSyllable));
  const need = best + 1 - (words.length - told.length);
  if (need <= 0 || need > told.length) return null;
  const anyToken = told.map((w) => (w.tokens.length === 1 ? lexeme(w.tokens[0]!) : `(${w.tokens.map(lexeme).join(" | ")})`));
  const choices = chooseAll(anyToken.length, need);
  if (choices === null) return null;
  return choices.map((c) => `(${c.map((i) => anyToken[i]!).join(" & ")})`).join(" | ");
}

/** Every way of choosing `k` of `n` indexes, in order; null when there are more than MOST_CHOICES. */
function chooseAll(n: number, k: number): number[][] | null {
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]): boolean => {
    if (chosen.length === k) {
      out.push(chosen);
      return out.length <= MOST_CHOICES;
    }
    for (let i = from; i <= n - (k - chosen.length); i++) if (!pick(i + 1, [...chosen, i])) return false;
    return true;
  };
  return pick(0, []) ? out : null;
}

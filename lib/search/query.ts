import { exactKey, joinForms, numberKey, queryWords, tokenForms, type QueryWord } from "./tokens";

/** A reader's query as tsquery texts for PostgreSQL (cast with ::tsquery), or null when it has no searchable word. */
export type SearchPlan = {
  /** Every word, each in any form: what a paper must hold somewhere. */
  match: string;
  /** `match` plus the joins between neighbouring words: the words as a phrase (the same as `match` for one word). */
  phrase: string;
  /** Each word alone, for "how many of the words the title holds". */
  words: string[];
  /** The query's words as typed (exactKey), for an exact title. */
  exact: string;
  /** The query as typed, lower case and trimmed, for an exact report number. */
  number: string;
};

// Lexemes are quoted, with ' and \ escaped, so no character of a query can be tsquery syntax.
const lexeme = (token: string) => `'${token.replace(/[\\']/g, (c) => `\\${c}`)}'`;

/**
 * How a one-syllable word is asked for. The index holds each bigram's first
 * syllable as a token (tokens.ts) from tokenizer 2 on; a document written by
 * an older one holds only the bigrams, which the word finds as a prefix
 * (`'핵':*`), the same papers at several times the cost. A search asks for the
 * token once every document is at 2 (lib/data/search-tokenizer.ts).
 */
export type SyllableMatch = "token" | "prefix";

/** Any one of a token's forms (tokens.ts: tokenForms, joinForms). */
const anyForm = (forms: string[], suffix = "") =>
  forms.length === 1 ? lexeme(forms[0]!) + suffix : `(${forms.map((f) => lexeme(f) + suffix).join(" | ")})`;

function wordQuery(w: QueryWord, syllables: SyllableMatch): string {
  const parts = tokenForms(w).map((forms) => anyForm(forms, w.oneSyllable && syllables === "prefix" ? ":*" : ""));
  return parts.length === 1 ? parts[0]! : `(${parts.join(" & ")})`;
}

/** The plan for query text; null when nothing in it can be searched (only stopwords or punctuation). */
export function searchPlan(q: string, syllables: SyllableMatch = "token"): SearchPlan | null {
  const words = queryWords(q);
  if (words.length === 0) return null;
  const each = words.map((w) => wordQuery(w, syllables));
  const match = each.join(" & ");
  const joins = words.flatMap((w) => {
    const forms = joinForms(w);
    return forms ? [anyForm(forms)] : [];
  });
  return {
    match,
    phrase: joins.length > 0 ? `${match} & ${joins.join(" & ")}` : match,
    words: each,
    exact: exactKey(q),
    number: numberKey(q),
  };
}

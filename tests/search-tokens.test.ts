import { describe, expect, it } from "vitest";
import { documentTokens, MAX_TOKENS } from "@/lib/search/document";
import { stripKoreanEnding } from "@/lib/search/korean";
import { searchPlan } from "@/lib/search/query";
import { exactKey, indexTokens, joinForms, queryWords, tokenForms } from "@/lib/search/tokens";

/** Whether a text's tokens hold every word of the query (one form of each of its tokens), as `match` asks. */
const holds = (text: string, q: string) => {
  const tokens = indexTokens(text);
  return queryWords(q).every((w) => tokenForms(w).every((forms) => forms.some((t) => tokens.has(t))));
};

/** Whether they hold the query as a phrase too: where its words meet (`phrase`). */
const holdsPhrase = (text: string, q: string) => {
  const tokens = indexTokens(text);
  const meets = (forms: string[] | null) => forms === null || forms.some((t) => tokens.has(t));
  return holds(text, q) && queryWords(q).every((w) => meets(joinForms(w)));
};

/** What a one-syllable prefix (`'핵':*`) found in tokenizer 1's tokens: a bigram it starts, or itself as a one-syllable run. */
const prefixFinds = (tokens: Set<string>, text: string, syllable: string) =>
  [...tokens].some((x) => [...x].length === 2 && x.startsWith(syllable)) ||
  new RegExp(`(?<!\\p{Script=Hangul})${syllable}(?!\\p{Script=Hangul})`, "u").test(text);

describe("search tokens", () => {
  it("finds a Korean noun in any of its forms, and a one-syllable word as the start of one", () => {
    for (const form of ["동맹은", "동맹을", "동맹의", "한미동맹"]) expect(holds(`${form} 강화`, "동맹")).toBe(true);
    expect(holds("동맹은 강화된다", "동맹을")).toBe(true);
    expect(holds("북한의 도발", "북")).toBe(true);
    expect(holds("러시아", "동맹")).toBe(false);
  });

  it("holds a one-syllable word as a token of its own exactly where its prefix found a bigram (tokenizer 2)", () => {
    const syllables = ["핵", "북", "한", "동", "맹", "을", "섬"];
    let seed = 7;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    let found = 0;
    for (let n = 0; n < 300; n++) {
      // Runs of one to four syllables, joined by a space, a full stop or a Latin word.
      let text = "";
      for (let r = 0; r < 1 + Math.floor(next() * 5); r++) {
        for (let k = 0; k < 1 + Math.floor(next() * 4); k++) text += syllables[Math.floor(next() * syllables.length)];
        text += [" ", ". ", " and "][Math.floor(next() * 3)];
      }
      const tokens = indexTokens(text);
      for (const syllable of syllables) {
        expect(tokens.has(syllable), `${syllable} in "${text}"`).toBe(prefixFinds(tokens, text, syllable));
        if (tokens.has(syllable)) found++;
      }
    }
    expect(found).toBeGreaterThan(100);
    // The end of a word is not its start: "핵" does not find "북핵", by token or by prefix.
    expect(holds("북핵. 문제", "핵")).toBe(false);
    expect(holds("핵무기", "핵")).toBe(true);
    expect(holds("북 핵", "핵")).toBe(true);
  });

  it("asks for a one-syllable word as a token, or as a prefix while older documents are left", () => {
    expect(searchPlan("핵 동맹")?.match).toBe("'핵' & '동맹'");
    expect(searchPlan("핵 동맹", "prefix")?.match).toBe("'핵':* & '동맹'");
    expect(searchPlan("북핵 핵", "prefix")?.words).toEqual(["'북핵'", "'핵':*"]);
    expect(searchPlan("sanctions", "prefix")?.match).toBe("'sanction'");
  });

  it("strips particles and endings only where two syllables stay", () => {
    expect(stripKoreanEnding("동맹을")).toBe("동맹");
    expect(stripKoreanEnding("해상민병대에")).toBe("해상민병대");
    expect(stripKoreanEnding("국가")).toBe("국가");
    expect(stripKoreanEnding("효과")).toBe("효과");
  });

  it("lets spaced and unspaced Korean find each other, as words and as phrases", () => {
    expect(holds("북러 동맹의 미래", "북러동맹")).toBe(true);
    expect(holds("북러동맹의 미래", "북러 동맹")).toBe(true);
    expect(holdsPhrase("북러 동맹의 미래", "북러 동맹")).toBe(true);
    expect(holdsPhrase("북러동맹의 미래", "북러 동맹")).toBe(true);
    expect(holdsPhrase("북러의 새 동맹", "북러 동맹")).toBe(false);
    expect(holds("북 러동맹", "북러동맹")).toBe(true);
  });

  it("does not find a word of one pair, or a one-syllable word, where two words meet (tokenizer 3)", () => {
    // The pair across the space is a token of its own, which only a longer word or a phrase asks for.
    expect(holds("이동 맹점", "동맹")).toBe(false);
    expect(holds("북핵 문제", "핵")).toBe(false);
    expect(holds("북핵 문제", "문제")).toBe(true);
    expect(holds("핵 문제", "핵")).toBe(true);
    expect([...indexTokens("북핵 문제")]).toEqual(["북", "북핵", "_핵문", "문", "문제"]);
  });

  it("stems English, drops stopwords, and folds case and full-width letters", () => {
    expect(holds("Sanctions were sanctioned", "sanction")).toBe(true);
    expect(holds("The policies of the state", "policy")).toBe(true);
    expect(holds("ＫＯＲＥＡ", "korea")).toBe(true);
    expect(queryWords("the and of")).toEqual([]);
  });

  it("makes phrases from neighbouring words, broken by punctuation, and a tsquery no input can break", () => {
    expect(indexTokens("North Korea-Russia").has("korea_russia")).toBe(true);
    expect(indexTokens("North. Korea").has("north_korea")).toBe(false);
    const plan = searchPlan("Korea's policy");
    expect(plan?.phrase).toBe("'korea' & 'polici' & 'korea_polici'");
    expect(searchPlan(`'&|!:*()\\<->`)).toBeNull();
    expect(searchPlan("o'brien")?.match).toBe("'brien'");
    expect(exactKey("The North Korea-Russia Alliance and Korea’s Policy")).toBe(
      exactKey("the north korea russia alliance and korea's policy"),
    );
  });

  it("keeps a document's parts within PostgreSQL's tsvector size", () => {
    const huge = Array.from({ length: 60_000 }, (_, i) => `w${i}`).join(" ");
    const t = documentTokens({
      reportNumber: "2024-1",
      reportPrefix: "TEST",
      title: "t",
      subtitle: null,
      summary: "",
      body: huge,
      seriesNames: [],
      authorNames: [],
      topicNames: [],
      regionNames: [],
      pdfTexts: [huge, huge],
      facts: [],
    });
    expect(t.body.length).toBeLessThanOrEqual(MAX_TOKENS.body);
    expect(t.pdf.length).toBeLessThanOrEqual(MAX_TOKENS.pdf);
  });
});

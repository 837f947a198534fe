// A result's snippet skips reading a part of its paper when that part's search
// vector says it cannot hold more of the query's words than the beginning did
// (lib/search/part-reach.ts, lib/data/search-snippets.ts). That is exact only
// if every word a snippet finds in a text is a token the index holds for it.
import { describe, expect, it } from "vitest";
import { partReachQuery } from "@/lib/search/part-reach";
import { findHits } from "@/lib/search/snippet";
import { indexTokens, queryWords } from "@/lib/search/tokens";

/** 20,000 strings of up to `longest` of these pieces each, from a fixed seed. */
function* randomTexts(pieces: string[], longest: number, seed: number): Generator<string> {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 20_000; n++)
    yield Array.from({ length: Math.floor(next() * (longest + 1)) }, () => pieces[Math.floor(next() * pieces.length)]!).join("");
}

describe("what a part's vector says about its snippets", () => {
  it("a word a snippet finds in a text is always held by that text's tokens (one-syllable Korean words aside)", () => {
    const words = queryWords("policy sanction happy 동맹 정상회담 북러동맹 핵 2024");
    const pieces = [
      ...["policy", "policies", "Policy", "ＰＯＬＩＣＹ", "sanctions", "sanctioned", "happily", "happy", "2024", "2024년"],
      ...["동맹", "동맹을", "한미동맹", "북러", "동맹의", "정상", "회담", "상회", "정상회담을", "북핵", "핵", "러동"],
      ...[" ", ".", ", ", "\n\n", "·", "-", "(", ")", "의", "é", "北京"],
    ];
    let checked = 0;
    for (const text of randomTexts(pieces, 8, 3)) {
      const held = indexTokens(text);
      for (const w of words) {
        if (w.kind === "cjk" && w.oneSyllable) continue;
        if (findHits(text, [w]).length === 0) continue;
        checked++;
        expect(
          w.tokens.some((t) => held.has(t)),
          `${w.stem} in ${JSON.stringify(text)}`,
        ).toBe(true);
      }
    }
    // The texts hold each word often enough to say something.
    expect(checked).toBeGreaterThan(20_000);
  });

  it("asks a part for one more word than the snippet so far holds, each by any of its tokens", () => {
    const [policy, alliance, summit] = queryWords("policy 동맹 정상회담");
    // Nothing held yet: any one word.
    expect(partReachQuery([policy!, alliance!], 0)).toBe("('polici') | ('동맹')");
    // One held: both, together.
    expect(partReachQuery([policy!, alliance!], 1)).toBe("('polici' & '동맹')");
    // A word of several pairs, by any one of them (a snippet marks a piece holding one).
    expect(partReachQuery([summit!], 0)).toBe("(('정상' | '상회' | '회담'))");
    // Two of three: each pair of them.
    expect(partReachQuery([policy!, alliance!, summit!], 1)).toBe(
      "('polici' & '동맹') | ('polici' & ('정상' | '상회' | '회담')) | ('동맹' & ('정상' | '상회' | '회담'))",
    );
  });

  it("reads the part when its vector cannot tell: a one-syllable Korean word, or too many ways to choose", () => {
    const [nuclear, policy] = queryWords("핵 policy");
    // Why it cannot tell: "북핵" is a hit of "핵", and its tokens are "북" and "북핵".
    expect(findHits("북핵", [nuclear!])).toHaveLength(1);
    expect([...indexTokens("북핵")].sort()).toEqual(["북", "북핵"]);
    // The one-syllable word counts as held: with it, one more held beats none.
    expect(partReachQuery([nuclear!, policy!], 0)).toBeNull();
    // One held already: the part must hold the other.
    expect(partReachQuery([nuclear!, policy!], 1)).toBe("('polici')");
    // Twelve words, six held: 792 ways to choose seven.
    const twelve = queryWords("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima");
    expect(twelve).toHaveLength(12);
    expect(partReachQuery(twelve, 6)).toBeNull();
    expect(partReachQuery(twelve, 11)).not.toBeNull();
  });
});

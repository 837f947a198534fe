import { describe, expect, it } from "vitest";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { blockText, bodyBlocks, bodyParts, pdfParts, wholeBlocksOf } from "@/lib/search/paper-text";
import { bestSnippet, findHits, mayHold, SNIPPET_LENGTH, wordMarks, type Snippet, type Span } from "@/lib/search/snippet";
import { normalize, queryWords, textPieces, wordToken } from "@/lib/search/tokens";
import { cleanText } from "@/lib/uploads/pdf";

/** 20,000 strings of up to `longest` of these pieces each, drawn from a fixed seed (the same every run). */
function* randomStrings(alphabet: string[], longest: number, seed: number): Generator<string> {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 20_000; n++)
    yield Array.from({ length: Math.floor(next() * (longest + 1)) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join(
      "",
    );
}

/** The snippet's text with its marks in [brackets]. */
const shown = (s: Snippet | null) => {
  if (!s) return null;
  let out = "";
  let at = 0;
  for (const m of s.marks) {
    out += `${s.text.slice(at, m.start)}[${s.text.slice(m.start, m.end)}]`;
    at = m.end;
  }
  return out + s.text.slice(at);
};

describe("search snippets", () => {
  it("reads a result's body block by block, as plain text", () => {
    const body = [
      "## Background",
      "An **opening** paragraph on other things, with a [link](https://example.org).",
      "The *sanctions* regime, as [the council](https://example.org/un) wrote, tightened.",
      "- a list\n- of sanctioned items",
    ].join("\n\n");
    expect([...bodyBlocks(body)].map((b) => b.text()?.text)).toEqual([
      "Background",
      "An opening paragraph on other things, with a link.",
      "The sanctions regime, as the council wrote, tightened.",
      "a list\nof sanctioned items",
    ]);
    expect(shown(bestSnippet(bodyBlocks(body), queryWords("sanction")))).toBe(
      "The [sanctions] regime, as the council wrote, tightened.",
    );
  });

  it("cuts a body into blocks at its blank lines exactly as the expression /\\n[ \\t]*\\n/ does", () => {
    for (const text of randomStrings(["\n", " ", "\t", "a", "\r", "한"], 12, 7)) {
      const expected = text.split(/\n[ \t]*\n/).filter((b) => b.trim() !== "");
      expect(
        [...bodyBlocks(text)].map((b) => b.source),
        JSON.stringify(text),
      ).toEqual(expected);
      const lastEnd = [...text.matchAll(/\n[ \t]*\n/g)].at(-1)?.index ?? 0;
      expect(wholeBlocksOf(text), JSON.stringify(text)).toBe(text.slice(0, lastEnd));
    }
  });

  it("normalizes text as NFKC and lower case do, whether or not it takes the normalizer", () => {
    // Characters NFKC keeps (ASCII, Hangul, Han, quotes) and some it changes, next to one another.
    const alphabet = ["A", "z", "한", "國", "’", "·", "—", "ﬁ", "Ａ", "\u0301", "\u00A0", "ㄱ", "…", "\u1100", "\u1161", "İ"];
    for (const text of randomStrings(alphabet, 7, 11)) {
      expect(normalize(text), JSON.stringify(text)).toBe(text.normalize("NFKC").toLowerCase());
    }
  });

  it("takes a plain line as its own text, and parses any block Markdown could read otherwise", () => {
    const parsed = (block: string) =>
      unified()
        .use(remarkParse)
        .use(remarkGfm)
        .parse(block)
        .children.map((node) => toString(node))
        .join("\n")
        .trim();
    const blocks = [
      // Plain lines, read as they are.
      "The sanctions regime tightened in 2024, as the council wrote.",
      "  북러 동맹은 2024년 6월 조약으로 공식화되었다.  ",
      "See www.example.org or write to desk@example.org: 3 + 4 = 7, (a) and 50% more.",
      "2024 was the year; 10 - 3 is seven.",
      "    an indented line",
      // Each has something Markdown reads: a list, a number list, a break, a heading, emphasis,
      // an entity, an escape, HTML, code, strikethrough, a link, an image, a quote, a hard break.
      "- a list item",
      "+ another",
      "1. first",
      "2) second",
      "---",
      "# A heading",
      "Some *emphasis* and __strong__ words.",
      "Fish &amp; chips &#65;",
      "An escaped \\*star\\*",
      "An <b>HTML</b> word",
      "Some `code` here",
      "Some ~~struck~~ words",
      "A [link](https://example.org) and ![an image](a.png)",
      "> a quote",
      "two lines  \nwith a hard break",
      "two lines\n  with an indent",
    ];
    for (const block of blocks) expect(blockText(block), block).toBe(parsed(block));
  });

  it("parses a body block only when its words could beat the best snippet so far", () => {
    const body = [
      "An opening paragraph with a [link](https://example.org/tariff).",
      "The *sanctions* regime tightened.",
      "- a list\n- of sanctioned items",
      "No word of the query here.",
      "New **tariffs** and [sanctions](https://example.org).",
      "More tariffs and sanctions, never read.",
    ].join("\n\n");
    const parsed: string[] = [];
    const blocks = [...bodyBlocks(body)].map((b) => ({
      source: b.source,
      text: () => {
        parsed.push(b.source);
        return b.text();
      },
    }));
    expect(shown(bestSnippet(blocks, queryWords("sanction tariff")))).toBe("New [tariffs] and [sanctions].");
    // The link's address held "tariff" but its text does not: parsed, and no match. The list
    // holds one word, as the best so far already did; the last block comes after every word was found.
    expect(parsed).toEqual([
      "An opening paragraph with a [link](https://example.org/tariff).",
      "The *sanctions* regime tightened.",
      "New **tariffs** and [sanctions](https://example.org).",
    ]);
  });

  it("marks stemmed English words and Korean stems inside their words", () => {
    const parts = [{ where: "summary" as const, text: "New sanctions were imposed. 한미동맹을 강화하는 방안." }];
    expect(shown(bestSnippet(parts, queryWords("sanction")))).toBe("New [sanctions] were imposed. 한미동맹을 강화하는 방안.");
    expect(shown(bestSnippet(parts, queryWords("동맹은")))).toBe("New sanctions were imposed. 한미[동맹]을 강화하는 방안.");
  });

  it("marks spaced Korean for an unspaced query", () => {
    const parts = [{ where: "summary" as const, text: "북러 동맹의 미래" }];
    expect(shown(bestSnippet(parts, queryWords("북러동맹")))).toBe("[북러] [동맹의] 미래");
  });

  it("marks a result's title whole, as its snippet would, and nothing in a title without the words", () => {
    const marked = (text: string, marks: Span[]) => shown({ text, marks } as Snippet);
    const title = "Sanctioned Trade and the North Korea-Russia Alliance";
    expect(marked(title, wordMarks(title, queryWords("sanctions alliance")))).toBe(
      "[Sanctioned] Trade and the North Korea-Russia [Alliance]",
    );
    expect(marked("북러 동맹의 미래와 한미동맹", wordMarks("북러 동맹의 미래와 한미동맹", queryWords("북러동맹")))).toBe(
      "[북러] [동맹의] 미래와 [한미동맹]",
    );
    expect(wordMarks(title, queryWords("climate"))).toEqual([]);
    expect(wordMarks("", queryWords("climate"))).toEqual([]);
  });

  it("picks the part with the most words together, and says which PDF page", () => {
    const body = "## Background\n\nCoercion is old.\n\n## Findings\n\nGray-zone coercion by **maritime militias** grows.";
    const pdf = pdfParts(7, "Cover\fAnnex: seabed cable resilience\fEnd");
    expect(bodyParts(body).map((p) => [p.section, p.heading])).toEqual([
      [1, "Background"],
      [2, "Findings"],
    ]);
    const inBody = bestSnippet([...bodyParts(body), ...pdf], queryWords("gray-zone coercion"));
    expect(inBody?.part).toMatchObject({ where: "body", section: 2 });
    expect(shown(inBody)).toBe("[Gray]-[zone] [coercion] by maritime militias grows.");
    const inPdf = bestSnippet([...bodyParts(body), ...pdf], queryWords("cable resilience"));
    expect(inPdf?.part).toMatchObject({ where: "pdf", attachmentId: 7, page: 2 });
    expect(bestSnippet([...bodyParts(body), ...pdf], queryWords("nowhere"))).toBeNull();
  });

  it("cuts a long text around the match, at spaces, with marks in place", () => {
    const text = `${"lorem ipsum ".repeat(40)}the treaty of alliance ${"dolor sit ".repeat(40)}`;
    const s = bestSnippet([{ where: "summary", text }], queryWords("alliance treaty"))!;
    expect(s.leading && s.trailing).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH);
    expect(shown(s)).toContain("the [treaty] of [alliance]");
    expect(s.text.startsWith(" ")).toBe(false);
  });

  it("keeps PDF pages apart in extracted text, empty pages included", () => {
    expect(cleanText("\f  page two \n\n\n\n text \fpage three\f").split("\f")).toEqual([
      "",
      "page two\n\ntext",
      "page three",
      "",
    ]);
  });

  it("marks each word where it is: whole English words by their stem, Korean stems inside words, pairs across spacing", () => {
    const marked = (text: string, q: string) =>
      findHits(text, queryWords(q)).map((h) => `${text.slice(h.start, h.end)}:${h.word}`);
    // Whole words only: not inside "unsanctioned", whatever the case or the stem's rewritten ending.
    expect(marked("Sanctions were sanctioned; unsanctioned trade, SANCTIONING.", "sanction")).toEqual([
      "Sanctions:0",
      "sanctioned:0",
      "SANCTIONING:0",
    ]);
    expect(marked("Happy, the happy ones; unhappy.", "happiness")).toEqual(["Happy:0", "happy:0"]);
    // A Korean stem wherever it is, each time; with particles, inside compounds.
    expect(marked("동맹은 한미동맹을 동맹동맹", "동맹을")).toEqual(["동맹:0", "동맹:0", "동맹:0", "동맹:0"]);
    // Spaced otherwise: each Korean word (a run of Hangul) without the stem that holds one of its pairs, whole.
    expect(marked("북러 동맹과 한미동맹, 북러동맹의 일본", "북러동맹")).toEqual([
      "북러:0",
      "동맹과:0",
      "한미동맹:0",
      "북러동맹:0",
    ]);
    // Two words, each marked where it is, in the text's order.
    expect(marked("Sanctions on 북한의 핵; sanctioned again", "북한 sanction")).toEqual([
      "Sanctions:1",
      "북한:0",
      "sanctioned:1",
    ]);
    // Text that normalizing lengthens (a ligature) is read word by word, a changed word marked whole.
    expect(marked("ﬁnance and sanctions", "finance sanction")).toEqual(["ﬁnance:0", "sanctions:1"]);
  });

  it("looks for a word only in text that can hold it, whatever stemming made of its ending", () => {
    // Porter's rewrites of a word's ending: y to i, -ational to -ate, -biliti to -ble, doubled consonants, -ies.
    const written = ["happy", "happily", "relational", "sensibility", "conditional", "generalization", "hopping"];
    const more = ["ponies", "activate", "agreed", "sanctioned", "Sanctions", "ＳＡＮＣＴＩＯＮ", "2024", "café"];
    for (const word of [...written, ...more]) {
      const [w] = queryWords(word);
      expect(mayHold(normalize(`In a sentence: ${word}.`), w!), word).toBe(true);
    }
    const [alliance] = queryWords("동맹은");
    expect(mayHold(normalize("한미동맹을 강화"), alliance!)).toBe(true);
    expect(mayHold(normalize("무역 정책"), alliance!)).toBe(false);
    expect(mayHold(normalize("tariffs and trade"), queryWords("sanction")[0]!)).toBe(false);
  });

  it("looks for an English word only where its stem's beginning starts a word, and never misses one the tokens hold", () => {
    const [kele] = queryWords("kele");
    // "ke" inside other words is not where "kele" can be.
    expect(mayHold(normalize("They make it, taken as a token, no joke."), kele!)).toBe(false);
    // Wherever a piece of text starts a word (textPieces): after spaces, punctuation, Korean, or at the very start.
    const texts = [
      "kele",
      "The kele.",
      "(Kele)",
      "한국kele 관계",
      "x-kele",
      "o'kele",
      "keles and keled",
      "ＫＥＬＥ",
      "café·kele",
      "2024kele",
      "makekele",
      "kéle",
      "make keep kept",
      "happily hopping relational ponies",
      "北京kele",
      "\u00a0kele",
    ];
    const words = queryWords("kele happy hop relation pony keep");
    let found = 0;
    for (const text of texts) {
      const t = normalize(text);
      for (const w of words) {
        // What the index's tokens say the text holds: a piece whose token is the word's stem.
        const held = [...textPieces(t)].some((p) => p.kind === "word" && wordToken(p.text) === w.stem);
        // mayHold may say yes where a word is not (it is a first look), never no where one is.
        if (held) expect(mayHold(t, w), `${w.stem} in ${text}`).toBe(true);
        if (held) found++;
      }
    }
    expect(found).toBe(15);
    expect(mayHold(normalize("2024kele makekele"), kele!)).toBe(false);
  });
});

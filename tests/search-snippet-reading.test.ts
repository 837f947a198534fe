// A result's snippet is made from the beginning of its paper when that holds
// every word of the query, and from the whole paper otherwise
// (lib/data/search-snippets.ts): either way it must be the snippet reading
// the whole paper gives.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { FIRST_READ_CHARS, searchSnippets } from "@/lib/data/search-snippets";
import { bodyBlocks, pdfParts } from "@/lib/search/paper-text";
import { bestSnippet } from "@/lib/search/snippet";
import { queryWords } from "@/lib/search/tokens";
import { createPublication, createSeries, uid } from "./support/factories";

/** Paragraphs of filler, none holding the test's words, `chars` long in all. */
const filler = (chars: number) =>
  Array.from({ length: Math.ceil(chars / 60) }, (_, i) => `Paragraph ${i} on matters of no concern to this test.`).join("\n\n");

/** Korean paragraphs of filler, exactly `chars` characters in all. */
const koreanFiller = (chars: number) =>
  Array.from({ length: Math.ceil(chars / 40) }, (_, i) => `${i}번째 문단은 이 시험과 상관없는 일을 다룬다.`)
    .join("\n\n")
    .slice(0, chars);

describe("reading a result's text for its snippet", () => {
  // Words no other test uses, letters only (their stems are themselves).
  const [alpha, beta] = [`qalpha${uid()}`, `qbeta${uid()}`].map((w) => w.replace(/\d/g, (d) => "bcdfghjklm"[Number(d)]!));
  const ids: Record<string, number> = {};
  const texts: Record<string, { body: string; pdf?: string }> = {};

  beforeAll(async () => {
    const seriesId = (await createSeries()).id;
    const paper = async (key: string, body: string, pdf?: string) => {
      const p = await createPublication({ seriesId, summary: "On other things.", body });
      if (pdf)
        await db.attachment.create({
          data: {
            publicationId: p.id,
            fileName: "paper.pdf",
            byteSize: 1,
            sha256: "d".repeat(64),
            mediaType: "application/pdf",
            storageKey: `snippets/${uid()}`,
            extractedText: pdf,
          },
        });
      ids[key] = p.id;
      texts[key] = { body, pdf };
    };
    await paper("early", `The ${alpha} and the ${beta} at the start.\n\n${filler(FIRST_READ_CHARS * 2)}`);
    await paper("late", `${filler(FIRST_READ_CHARS * 2)}\n\nLate in the paper, the ${alpha} meets the ${beta}.`);
    // One word early, both together far past the first read: the snippet holding both wins.
    await paper("split", `Only the ${alpha} here.\n\n${filler(FIRST_READ_CHARS * 2)}\n\nBoth the ${alpha} and the ${beta} here.`);
    // Both words in a block that runs on past the first read: its snippet is cut from the whole block.
    await paper(
      "across",
      `${filler(FIRST_READ_CHARS * 2).slice(0, FIRST_READ_CHARS - 60)}\n\nThe ${alpha} and the ${beta} ${"go on and on ".repeat(40)}`,
    );
    // The same in Korean, whose characters take three bytes each: where the beginning ends is
    // decided in characters, whether the body goes on past it in bytes.
    await paper(
      "acrossKorean",
      `${koreanFiller(FIRST_READ_CHARS - 60)}\n\nThe ${alpha} and the ${beta} ${"go on and on ".repeat(40)}`,
    );
    // Korean exactly as long as the beginning, the words in its last block: that block is whole.
    const ending = `\n\nThe ${alpha} and the ${beta} end it.`;
    await paper("exactKorean", `${koreanFiller(FIRST_READ_CHARS - ending.length)}${ending}`);
    await paper("pdf", filler(FIRST_READ_CHARS * 2), `Cover page.\fAnnex: the ${alpha} and the ${beta} in a table.`);
    // The rest is read on from the beginning: characters outside the Basic Multilingual Plane (two
    // UTF-16 units, one character to PostgreSQL) before the cut must not shift where it goes on.
    const astral = Array.from({ length: FIRST_READ_CHARS / 40 }, (_, i) => `${i} 𝐀𝐁𝐂 🙂🙂 ${"𝑥".repeat(20)}`).join("\n\n");
    await paper("astral", `${astral}\n\nThe 🙂 ${alpha} and the ${beta} 🙂 after the cut.\n\n${filler(200)}`);
    await paper(
      "astralAcross",
      `${astral.slice(0, FIRST_READ_CHARS - 40)}\n\n🙂 The ${alpha} and the ${beta} ${"🙂 on and on ".repeat(40)}`,
    );
    // One word early and both only far apart: reading on finds nothing better, and the first stands.
    await paper("apart", `Only the ${alpha} here.\n\n${filler(FIRST_READ_CHARS * 2)}\n\nOnly the ${beta} there.`);
    // One word early, both together in the PDF of a body the beginning held whole.
    await paper("shortThenPdf", `Only the ${alpha} here.\n\nNothing more.`, `Cover.\fPage two.\fThe ${alpha} with the ${beta}.`);
  });

  it("gives each result the snippet of the whole paper, wherever in it the words are", async () => {
    const snippets = await searchSnippets(Object.values(ids), `${alpha} ${beta}`, "en");
    const shown = (key: string) => {
      const s = snippets[ids[key]!]!;
      return { where: s.where, page: s.page, text: s.text };
    };
    expect(shown("early")).toEqual({ where: "body", page: undefined, text: `The ${alpha} and the ${beta} at the start.` });
    expect(shown("late")).toEqual({
      where: "body",
      page: undefined,
      text: `Late in the paper, the ${alpha} meets the ${beta}.`,
    });
    expect(shown("split")).toEqual({ where: "body", page: undefined, text: `Both the ${alpha} and the ${beta} here.` });
    const across = snippets[ids.across!]!;
    expect(across.text.startsWith(`The ${alpha} and the ${beta} go on`)).toBe(true);
    expect(across.trailing).toBe(true);
    expect(across.text.length).toBeGreaterThan(120);
    const acrossKorean = snippets[ids.acrossKorean!]!;
    expect(acrossKorean.text.startsWith(`The ${alpha} and the ${beta} go on`)).toBe(true);
    expect(acrossKorean.trailing).toBe(true);
    expect(acrossKorean.text.length).toBeGreaterThan(120);
    expect(shown("exactKorean")).toEqual({ where: "body", page: undefined, text: `The ${alpha} and the ${beta} end it.` });
    expect(shown("pdf")).toEqual({ where: "pdf", page: 2, text: `Annex: the ${alpha} and the ${beta} in a table.` });
    expect(shown("astral")).toEqual({
      where: "body",
      page: undefined,
      text: `The 🙂 ${alpha} and the ${beta} 🙂 after the cut.`,
    });
    const astralAcross = snippets[ids.astralAcross!]!;
    expect(astralAcross.text.startsWith(`🙂 The ${alpha} and the ${beta} 🙂 on and on`)).toBe(true);
    expect(astralAcross.trailing).toBe(true);
    expect(shown("apart")).toEqual({ where: "body", page: undefined, text: `Only the ${alpha} here.` });
    expect(shown("shortThenPdf")).toEqual({ where: "pdf", page: 3, text: `The ${alpha} with the ${beta}.` });
    // Each is the snippet of the whole paper read in one go, to the character.
    const words = queryWords(`${alpha} ${beta}`);
    for (const [key, { body, pdf }] of Object.entries(texts)) {
      const parts = [{ where: "summary" as const, text: "On other things." }, ...bodyBlocks(body), ...pdfParts(1, pdf ?? "")];
      const whole = bestSnippet(parts, words)!;
      expect({ text: snippets[ids[key]!]!.text, marks: snippets[ids[key]!]!.marks }, key).toEqual({
        text: whole.text,
        marks: whole.marks,
      });
    }
    // Every word is marked in each of them, but where no stretch holds both.
    for (const key of Object.keys(ids))
      expect(snippets[ids[key]!]!.marks.length, key).toBeGreaterThanOrEqual(key === "apart" ? 1 : 2);
  });
});

// A generated archive folder for the importer's tests: ko/en pairs with
// Korean attachment names, HTML and Markdown bodies, and one line of every
// kind the importer must refuse. Most papers share one tiny PDF (its text is
// read once); a few have their own, where deduplication is under test.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";

/** A one-page PDF whose text is `text`: tiny, real, and distinct per text. */
export async function tinyPdf(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([300, 200]);
  page.drawText(text, { x: 20, y: 150, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

export type ExpectedRefusal = { line: number; field: string; reason: string; file?: "series.jsonl" };

export type GeneratedArchive = {
  folder: string;
  /** Lines of publications.jsonl, as written: a test may change one and write them back. */
  lines: string[];
  papers: number;
  /** Every refusal the report must list, in its order; `reason` is a phrase the reason contains. */
  refusals: ExpectedRefusal[];
  /** Lines refused (the series.jsonl one included). */
  refusedLines: number;
  seriesSlug: string;
};

type Line = Record<string, unknown>;

/** Writes publications.jsonl from lines (strings are written as they are, for broken JSON). */
export async function writePublications(folder: string, lines: readonly string[]) {
  await writeFile(path.join(folder, "publications.jsonl"), `${lines.join("\n")}\n`);
}

/**
 * `pairs` ko/en pairs under legacy ids "<prefix>-<i>-ko" / "-en". Every
 * tenth pair lists the English line first, so its translation resolves in the
 * second pass. With `refusals`, one line of each refused kind follows.
 */
export async function generateArchive(
  folder: string,
  { prefix, pairs, refusals = true }: { prefix: string; pairs: number; refusals?: boolean },
): Promise<GeneratedArchive> {
  await mkdir(path.join(folder, "files"), { recursive: true });
  const seriesSlug = `${prefix}-series`;
  const series = [
    JSON.stringify({ slug: seriesSlug, nameKo: "아카이브 시리즈", nameEn: "Archive Series", reportPrefix: "ARCHIVE" }),
    ...(refusals ? [JSON.stringify({ slug: "Bad Slug", nameKo: "잘못", nameEn: "Bad" })] : []),
  ];
  await writeFile(path.join(folder, "series.jsonl"), `${series.join("\n")}\n`);

  const shared = await tinyPdf(`${prefix} shared report`);
  await writeFile(path.join(folder, "files", "shared.pdf"), shared);
  // Distinct files for the first pairs; the first Korean paper names its file twice under two paths (stored once).
  for (let i = 0; i < 3; i++) {
    const bytes = await tinyPdf(`${prefix} own report ${i}`);
    await writeFile(path.join(folder, "files", `own-${i}.pdf`), bytes);
    if (i === 0) await writeFile(path.join(folder, "files", "own-0-copy.pdf"), bytes);
  }

  const paper = (i: number, language: "ko" | "en"): Line => {
    const year = 2000 + Math.floor(i / 100);
    const own = i < 3 && language === "ko";
    const topic = { slug: `${prefix}-topic-${i % 3}`, nameKo: `주제 ${i % 3}`, nameEn: `Topic ${i % 3}` };
    return {
      legacyId: `${prefix}-${i}-${language}`,
      legacyUrls: [`/board/view.do?site=${prefix}&seq=${i}&lang=${language}`],
      series: seriesSlug,
      number: `${year}-${(i % 100) + 1}${language === "en" ? "E" : ""}`,
      language,
      ...(language === "en" ? { translationOf: `${prefix}-${i}-ko` } : {}),
      title: language === "ko" ? `보고서 ${i}: 한반도 정세` : `Report ${i}: the Korean Peninsula`,
      summary: language === "ko" ? `요약 ${i}` : `Summary ${i}`,
      ...(i % 2 === 0
        ? { body: `<h2>Part ${i}</h2><p>An <strong>HTML</strong> body.</p><script>alert(1)</script>`, bodyFormat: "html" }
        : { body: `## Part ${i}\n\nA *Markdown* body.`, bodyFormat: "markdown" }),
      // Ten authors shared by every paper: each is created once, then found by key.
      // An English line that comes first (every tenth pair) names its author in full; the others by key alone.
      authors:
        language === "ko" || i % 10 === 5
          ? [{ key: `${prefix}-author-${i % 10}`, nameKo: `저자 ${i % 10}`, nameEn: `Author ${i % 10}` }]
          : [{ key: `${prefix}-author-${i % 10}` }],
      // The first papers create the topics; the later ones name them by slug.
      topics: i < 3 ? [topic] : [topic.slug],
      publishedAt:
        i % 3 === 0
          ? `${year}-03-${String((i % 28) + 1).padStart(2, "0")}`
          : `${year}-04-01T10:${String(i % 60).padStart(2, "0")}:00`,
      hits: i * 10 + (language === "en" ? 1 : 0),
      attachments: own
        ? [
            { path: `files/own-${i}.pdf`, name: `보고서 ${i} 원문.pdf` },
            ...(i === 0 ? [{ path: "files/own-0-copy.pdf", name: "사본.pdf" }] : []),
          ]
        : [{ path: "files/shared.pdf", name: language === "ko" ? `보고서 ${i}.pdf` : `Report ${i}.pdf` }],
    };
  };

  const lines: string[] = [];
  for (let i = 0; i < pairs; i++) {
    const pair = [paper(i, "ko"), paper(i, "en")];
    if (i % 10 === 5) pair.reverse();
    lines.push(...pair.map((p) => JSON.stringify(p)));
  }
  const expected: ExpectedRefusal[] = [];
  if (refusals) {
    if (pairs < 2) throw new Error("the refused lines refer to pair 1: generate at least two pairs");
    expected.push({ file: "series.jsonl", line: 2, field: "slug", reason: "lowercase" });
    await writeFile(path.join(folder, "files", "not-a-pdf.pdf"), "Just text, not a PDF.\n");
    const base = (n: number): Line => ({ ...paper(pairs + n, "ko"), legacyUrls: [], topics: [] });
    const refuse = (line: Line | string, field: string, reason: string) => {
      lines.push(typeof line === "string" ? line : JSON.stringify(line));
      expected.push({ line: lines.length, field, reason });
    };
    refuse({ ...base(0), series: "no-such-series" }, "series", 'unknown series "no-such-series"');
    refuse({ ...base(1), number: "2000-2" }, "number", "already used on line 3");
    refuse({ ...base(2), number: "no-pattern" }, "number", "does not match");
    refuse({ ...base(3), attachments: [{ path: "files/missing.pdf" }] }, "attachments[0].path", "does not exist");
    refuse({ ...base(4), attachments: [{ path: "files/not-a-pdf.pdf" }] }, "attachments[0].path", "is not a PDF");
    refuse({ ...base(5), attachments: [{ path: "../outside.pdf" }] }, "attachments[0].path", "outside the archive folder");
    refuse({ ...base(6), attachments: [{ path: "/etc/passwd" }] }, "attachments[0].path", "absolute path");
    refuse({ ...base(7), publishedAt: "2024-02-30" }, "publishedAt", "is not a date");
    refuse({ ...base(8), translationOf: "nowhere-1" }, "translationOf", "neither in the archive nor in the database");
    refuse({ ...base(9), translationOf: `${prefix}-0-ko` }, "translationOf", 'also in "ko"');
    refuse({ ...base(10), language: "fr" }, "language", 'must be one of "ko", "en"');
    refuse("{not json", "line", "is not valid JSON");
    refuse({ ...base(12), topics: ["no-such-topic"] }, "topics[0]", 'unknown topic "no-such-topic"');
    refuse({ ...base(13), legacyUrls: ["/board\u0001/view.do"] }, "legacyUrls[0]", "is not an old address");
    refuse({ ...base(14), legacyId: `${prefix}-1-ko` }, "legacyId", "already used on line 3");
    refuse({ ...base(15), title: "" }, "title", "is required");
    refuse({ ...base(16), authors: [{ key: "nobody-known" }] }, "authors[0]", 'no author has the key "nobody-known"');
    refuse({ ...base(18), legacyUrls: ["/en/publications?id=3"] }, "legacyUrls[0]", "one of this portal's own addresses");
    // Points forward to the "fr" line: its check passes, then the second pass refuses it.
    const frLine = expected.find((e) => e.field === "language")!.line;
    refuse(
      { ...paper(pairs + 17, "en"), legacyUrls: [], topics: [], translationOf: `${prefix}-${pairs + 10}-ko` },
      "translationOf",
      `(line ${frLine}), which was refused`,
    );
  }
  await writePublications(folder, lines);
  return { folder, lines, papers: pairs * 2, refusals: expected, refusedLines: expected.length, seriesSlug };
}

// Deterministic demo PDFs: fixed metadata and no clock or randomness, so one
// publication always yields the same bytes and the same SHA-256.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

export type PdfInput = {
  /** e.g. "IFANS PERSPECTIVES 2024-14E" */
  label: string;
  seriesName: string;
  title: string;
  subtitle?: string;
  authors: readonly string[];
  /** "2024-12-31"; also the file's creation date, so it never depends on when the seed ran. */
  date: string;
  summary: string;
  /** Markdown: `##` headings, paragraphs and `-` bullets. */
  body: string;
  /** Printed on the cover, e.g. why a Korean edition is set in English. */
  note?: string;
  /** Document-info fields accept any Unicode, unlike the page fonts. */
  metadataTitle?: string;
  metadataAuthor?: string;
  language: "ko" | "en";
};

export type GeneratedPdf = { bytes: Buffer; pageCount: number; text: string };

type Block = { kind: "heading" | "paragraph" | "bullet"; text: string };

const PAGE = { width: 595.28, height: 841.89, margin: 64 } as const;
const MAX_PAGES = 4;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);
const ACCENT = rgb(0.05, 0.25, 0.5);

// Helvetica's WinAnsi encoding has no Hangul and few symbols; anything else would throw.
const REPLACEMENTS: Record<string, string> = { "■": "-", "▪": "-", "―": "—", "‐": "-", "−": "-", " ": " " };

function toWinAnsi(text: string, charset: ReadonlySet<number>): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\n" || charset.has(code)) out += ch;
    else out += REPLACEMENTS[ch] ?? "?";
  }
  return out;
}

function stripInline(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of markdown.replace(/\r\n/g, "\n").split(/\n\s*\n/)) {
    const lines = chunk.split("\n").filter((l) => l.trim() !== "");
    if (lines.length === 0) continue;
    const first = lines[0] ?? "";
    if (/^#{1,6}\s/.test(first)) {
      blocks.push({ kind: "heading", text: stripInline(first.replace(/^#{1,6}\s+/, "")) });
      const rest = lines.slice(1).join(" ");
      if (rest.trim()) blocks.push({ kind: "paragraph", text: stripInline(rest) });
    } else if (lines.every((l) => /^\s*[-*+]\s/.test(l) || /^\s{2,}\S/.test(l))) {
      // A list: continuation lines (indented) join the item above.
      for (const line of lines) {
        if (/^\s*[-*+]\s/.test(line)) blocks.push({ kind: "bullet", text: stripInline(line.replace(/^\s*[-*+]\s+/, "")) });
        else {
          const last = blocks[blocks.length - 1];
          if (last) last.text = `${last.text} ${stripInline(line)}`;
        }
      }
    } else blocks.push({ kind: "paragraph", text: stripInline(lines.join(" ")) });
  }
  return blocks;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word wider than the line (a long URL) is cut by characters.
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

class Writer {
  page: PDFPage;
  y = 0;
  pages: PDFPage[] = [];

  constructor(private readonly doc: PDFDocument) {
    this.page = this.addPage();
  }

  addPage(): PDFPage {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
    return this.page;
  }

  get contentWidth() {
    return PAGE.width - 2 * PAGE.margin;
  }

  /** Lines that still fit above the footer at this leading. */
  roomFor(leading: number) {
    return Math.floor((this.y - PAGE.margin - 24) / leading);
  }

  draw(lines: string[], font: PDFFont, size: number, leading: number, color = INK, indent = 0) {
    for (const line of lines) {
      this.page.drawText(line, { x: PAGE.margin + indent, y: this.y - size, size, font, color });
      this.y -= leading;
    }
  }
}

export async function generatePdf(input: PdfInput): Promise<GeneratedPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  const safe = (s: string) => toWinAnsi(s, charset);
  const w = new Writer(doc);
  // Each page's text, as the PDF reader gives it: pages apart by a form feed (lib/uploads/pdf.ts, PAGE_BREAK).
  const pages: string[][] = [];
  const text = { push: (...parts: string[]) => (pages[w.pages.length - 1] ??= []).push(...parts) };

  // Cover page.
  const authors = safe(input.authors.join(", "));
  w.draw([safe(input.seriesName.toUpperCase())], bold, 10, 16, ACCENT);
  w.draw([safe(input.label)], regular, 10, 40, MUTED);
  w.draw(wrap(safe(input.title), bold, 20, w.contentWidth), bold, 20, 26);
  if (input.subtitle) w.draw(wrap(safe(input.subtitle), regular, 13, w.contentWidth), regular, 13, 18, MUTED);
  w.y -= 14;
  w.draw([authors], bold, 11, 16);
  w.draw([safe(input.date)], regular, 11, 30, MUTED);
  w.page.drawLine({
    start: { x: PAGE.margin, y: w.y },
    end: { x: PAGE.width - PAGE.margin, y: w.y },
    thickness: 0.8,
    color: ACCENT,
  });
  w.y -= 24;
  text.push(
    safe(input.seriesName),
    safe(input.label),
    safe(input.title),
    ...(input.subtitle ? [safe(input.subtitle)] : []),
    authors,
    input.date,
  );
  if (input.summary) {
    w.draw(["Summary"], bold, 12, 20, ACCENT);
    w.draw(wrap(safe(input.summary), regular, 11, w.contentWidth), regular, 11, 16);
    text.push("Summary", safe(input.summary));
  }
  if (input.note) {
    w.y -= 16;
    w.draw(wrap(safe(input.note), regular, 9.5, w.contentWidth), regular, 9.5, 13, MUTED);
    text.push(safe(input.note));
  }

  // Body pages: always at least one, at most MAX_PAGES in all.
  w.addPage();
  let truncated = false;
  for (const block of markdownBlocks(input.body)) {
    const isHeading = block.kind === "heading";
    const font = isHeading ? bold : regular;
    const size = isHeading ? 12.5 : 10.5;
    const leading = isHeading ? 18 : 15;
    const indent = block.kind === "bullet" ? 14 : 0;
    const content = safe(block.text);
    let lines = wrap(content, font, size, w.contentWidth - indent);
    const drawn: string[] = [];
    if (isHeading) w.y -= 6;
    // A heading keeps company with the first lines of its section.
    const needed = isHeading ? lines.length + 3 : 1;
    while (lines.length > 0) {
      if (w.roomFor(leading) < needed) {
        if (w.pages.length >= MAX_PAGES) {
          truncated = true;
          break;
        }
        w.addPage();
      }
      const take = isHeading ? lines.length : Math.min(lines.length, w.roomFor(leading));
      if (block.kind === "bullet" && drawn.length === 0)
        w.page.drawText("•", { x: PAGE.margin + 2, y: w.y - size, size, font, color: INK });
      w.draw(lines.slice(0, take), font, size, leading, isHeading ? ACCENT : INK, indent);
      drawn.push(...lines.slice(0, take));
      lines = lines.slice(take);
    }
    // The extracted text is what the pages show, so a cut block contributes only its drawn lines.
    const shown = truncated ? drawn.join(" ") : content;
    if (shown) text.push(block.kind === "bullet" ? `• ${shown}` : shown);
    if (truncated) break;
    w.y -= isHeading ? 2 : 7;
  }
  if (truncated) {
    const more = "[...] The full text continues on the publication's web page.";
    w.page.drawText(more, { x: PAGE.margin, y: PAGE.margin + 4, size: 9.5, font: regular, color: MUTED });
    text.push(more);
  }

  // Footers need the final page count.
  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    const footer = `${safe(input.label)}  |  ${i + 1} / ${total}`;
    page.drawText(footer, { x: PAGE.margin, y: PAGE.margin - 24, size: 8.5, font: regular, color: MUTED });
  });

  const stamp = new Date(`${input.date}T09:00:00+09:00`);
  doc.setTitle(input.metadataTitle ?? input.title);
  doc.setAuthor(input.metadataAuthor ?? input.authors.join(", "));
  doc.setSubject(input.label);
  doc.setLanguage(input.language === "ko" ? "ko-KR" : "en-GB");
  doc.setCreator("Perspectives demo catalogue");
  doc.setProducer("Perspectives seed (pdf-lib)");
  doc.setCreationDate(stamp);
  doc.setModificationDate(stamp);

  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }));
  const pageTexts = Array.from({ length: doc.getPageCount() }, (_, i) => (pages[i] ?? []).join("\n\n"));
  return { bytes, pageCount: doc.getPageCount(), text: pageTexts.join("\f") };
}

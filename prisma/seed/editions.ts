// Turns the paper-shaped data into one row plan per language edition, and
// checks the data before anything touches the database.
import type { PdfInput } from "./pdf";
import type { SeedAuthor, SeedEdition, SeedLanguage, SeedPaper, SeedSeries } from "./types";

export type PlannedEdition = {
  /** For messages: "ifans-perspectives 2024-14E". */
  key: string;
  language: SeedLanguage;
  reportNumber: string;
  edition: SeedEdition;
  status: "published" | "draft" | "scheduled";
  publishedAt: Date | null;
  /** Null when the edition has no attachment. */
  file: { fileName: string; pdf: PdfInput } | null;
};

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const FIRST_PUBLIC_DAY = "2022-01-01";
const LAST_PUBLIC_DAY = "2026-10-31";

export function publishedAtOf(date: string): Date {
  return new Date(`${date}T09:00:00+09:00`);
}

function lookup<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const found = map.get(key);
  if (!found) throw new Error(`Seed data names an unknown ${what}: ${key}`);
  return found;
}

export function planPaper(
  paper: SeedPaper,
  seriesBySlug: ReadonlyMap<string, SeedSeries>,
  authorsByName: ReadonlyMap<string, SeedAuthor>,
): PlannedEdition[] {
  const series = lookup(seriesBySlug, paper.series, "series");
  const people = paper.authors.map((name) => lookup(authorsByName, name, "author"));
  const status = paper.status ?? "published";
  const publishedAt = status === "draft" ? null : publishedAtOf(paper.date);
  const withFile = paper.attachment ?? true;
  // IFANS names files after the authors' Korean names in both languages.
  const fileAuthors = people.map((a) => a.nameKo).join("·");
  const namesEn = people.map((a) => a.nameEn);
  const plans: PlannedEdition[] = [];

  if (paper.ko) {
    const ko = paper.ko;
    const reportNumber = paper.number;
    // The PDF fonts cannot set Hangul: the Korean edition's file carries English text.
    const english = paper.en
      ? { title: paper.en.title, subtitle: paper.en.subtitle, summary: paper.en.summary, body: paper.en.body }
      : {
          title: "titleEn" in ko ? ko.titleEn : ko.title,
          subtitle: undefined,
          summary: "summaryEn" in ko ? ko.summaryEn : "",
          body: [
            "## About this edition",
            "This paper is published in Korean only. The Korean text is available on the publication's page of this portal; this file gives its English title and summary for reference.",
          ].join("\n\n"),
        };
    const pdf: PdfInput = {
      label: `${series.reportPrefix} ${reportNumber}`,
      seriesName: series.nameEn,
      ...english,
      authors: namesEn,
      date: paper.date,
      note: paper.en
        ? `Korean edition (${series.reportPrefix} ${reportNumber}). This demonstration file reproduces the text of the English edition, ${series.reportPrefix} ${reportNumber}E.`
        : `Korean edition (${series.reportPrefix} ${reportNumber}), published in Korean only.`,
      metadataTitle: ko.title,
      metadataAuthor: people.map((a) => a.nameKo).join(", "),
      language: "ko",
    };
    plans.push({
      key: `${paper.series} ${reportNumber}`,
      language: "ko",
      reportNumber,
      edition: ko,
      status,
      publishedAt,
      file: withFile ? { fileName: `${series.nameKo} ${reportNumber}(${fileAuthors}).pdf`.normalize("NFC"), pdf } : null,
    });
  }

  if (paper.en) {
    const en = paper.en;
    const reportNumber = `${paper.number}E`;
    const pdf: PdfInput = {
      label: `${series.reportPrefix} ${reportNumber}`,
      seriesName: series.nameEn,
      title: en.title,
      subtitle: en.subtitle,
      summary: en.summary,
      body: en.body,
      authors: namesEn,
      date: paper.date,
      language: "en",
    };
    plans.push({
      key: `${paper.series} ${reportNumber}`,
      language: "en",
      reportNumber,
      edition: en,
      status,
      publishedAt,
      file: withFile ? { fileName: `${series.reportPrefix} ${reportNumber}(${fileAuthors}).pdf`.normalize("NFC"), pdf } : null,
    });
  }
  return plans;
}

function checkEdition(where: string, e: SeedEdition, language: SeedLanguage, isPublic: boolean, problems: string[]) {
  if (!e.title.trim() || !e.summary.trim()) problems.push(`${where}: title and summary are required`);
  // Hits carried over from an old platform only make sense for papers readers could see.
  const minHits = isPublic ? 100 : 0;
  if (!Number.isInteger(e.baseHits) || e.baseHits < minHits || e.baseHits > 20000)
    problems.push(`${where}: baseHits ${e.baseHits} is outside ${minHits}–20000`);
  const sections = e.body.split("\n").filter((l) => /^## /.test(l)).length;
  if (sections < 3 || sections > 6) problems.push(`${where}: body has ${sections} "##" sections, expected 3–6`);
  if (language === "en" && HANGUL.test(`${e.title}${e.subtitle ?? ""}${e.summary}${e.body}`)) {
    problems.push(`${where}: English edition contains Hangul, which the PDF fonts cannot set`);
  }
}

/** Throws one error listing every problem, so bad data never half-seeds. */
export function validatePapers(papers: readonly SeedPaper[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const paper of papers) {
    const where = `${paper.series} ${paper.number}`;
    if (seen.has(where)) problems.push(`${where}: duplicate report number`);
    seen.add(where);
    if (!/^\d{4}-\d{2}$/.test(paper.number)) problems.push(`${where}: report number must look like 2024-14`);
    const day = publishedAtOf(paper.date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paper.date) || Number.isNaN(day.getTime())) problems.push(`${where}: bad date ${paper.date}`);
    if (paper.date.slice(0, 4) !== paper.number.slice(0, 4)) problems.push(`${where}: number and date years differ`);
    // Tests rely on published papers lying in the past and the scheduled one in the future.
    const status = paper.status ?? "published";
    const inWindow = paper.date >= FIRST_PUBLIC_DAY && paper.date <= LAST_PUBLIC_DAY;
    if (status === "published" && !inWindow) problems.push(`${where}: date outside ${FIRST_PUBLIC_DAY}..${LAST_PUBLIC_DAY}`);
    if (status === "scheduled" && paper.date <= LAST_PUBLIC_DAY)
      problems.push(`${where}: a scheduled paper must be dated after ${LAST_PUBLIC_DAY}`);
    for (const [what, list] of [
      ["author", paper.authors],
      ["topic", paper.topics],
      ["region", paper.regions],
    ] as const) {
      if (new Set(list).size !== list.length) problems.push(`${where}: repeated ${what}`);
    }
    if (paper.ko) checkEdition(`${where} (ko)`, paper.ko, "ko", status === "published", problems);
    if (paper.en) checkEdition(`${where}E (en)`, paper.en, "en", status === "published", problems);
    if (paper.ko && !paper.en && HANGUL.test(`${paper.ko.titleEn}${paper.ko.summaryEn}`)) {
      problems.push(`${where}: titleEn/summaryEn of a Korean-only paper must be in English`);
    }
  }
  if (problems.length) throw new Error(`Invalid seed data:\n  ${problems.join("\n  ")}`);
}

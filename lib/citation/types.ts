export type CitationLanguage = "ko" | "en";

export type CitationAuthor = { nameEn: string; nameKo: string };

/** Everything a citation needs; the publication page and the cite routes both build one. */
export type CitationData = {
  title: string;
  subtitle?: string | null;
  /** In authorship order. */
  authors: readonly CitationAuthor[];
  publishedAt: Date;
  /** e.g. "2024-14E" */
  reportNumber: string;
  /** The series in the publication's language, e.g. "IFANS Perspectives". */
  seriesName: string;
  /** e.g. "IFANS PERSPECTIVES" */
  seriesReportPrefix: string;
  /** The publisher, in the publication's language. */
  institution: string;
  /** Canonical address of the publication page. */
  url: string;
  language: CitationLanguage;
};

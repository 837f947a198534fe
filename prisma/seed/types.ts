// Shapes of the demo catalogue. The unions make a typo in a slug or an author
// name a compile error instead of a silently missing link.
import type { AuthorName } from "./data/authors";

export type SeriesSlug = "ifans-perspectives" | "ifans-focus" | "major-issues";

export type TopicSlug = "security" | "diplomacy" | "economy-trade" | "energy" | "technology" | "climate" | "development";

export type RegionSlug =
  "north-korea" | "russia" | "china" | "united-states" | "japan" | "europe" | "southeast-asia" | "middle-east";

export type SeedLanguage = "ko" | "en";

export type SeedSeries = {
  slug: SeriesSlug;
  nameKo: string;
  nameEn: string;
  descriptionKo: string;
  descriptionEn: string;
  /** Printed before English report numbers and English file names. */
  reportPrefix: string;
  sortOrder: number;
};

export type SeedAuthor = {
  nameKo: string;
  /** IFANS style: family name in capitals first. The natural key of the seed. */
  nameEn: string;
  positionKo: string;
  positionEn: string;
  affiliationKo: string;
  affiliationEn: string;
  bioKo: string;
  bioEn: string;
};

export type SeedTag<Slug extends string> = { slug: Slug; nameKo: string; nameEn: string };

type OneToThree<T> = readonly [T] | readonly [T, T] | readonly [T, T, T];
type OneOrTwo<T> = readonly [T] | readonly [T, T];

/** One language edition of a paper. `body` is Markdown with 3–6 `##` sections. */
export type SeedEdition = {
  title: string;
  subtitle?: string;
  summary: string;
  body: string;
  baseHits: number;
};

/** Standard PDF fonts cannot set Hangul, so a Korean-only paper brings English text for its PDF. */
export type KoreanOnlyEdition = SeedEdition & { titleEn: string; summaryEn: string };

type Editions =
  { ko: SeedEdition; en: SeedEdition } | { ko: KoreanOnlyEdition; en?: undefined } | { en: SeedEdition; ko?: undefined };

/**
 * A paper in one or both languages. The Korean edition is numbered `number`,
 * the English one `number` + "E"; the English row links to its Korean twin.
 */
export type SeedPaper = Editions & {
  series: SeriesSlug;
  /** "2024-14" */
  number: string;
  /** "2024-12-31": published at 09:00 Asia/Seoul; for a draft, only the planned date. */
  date: string;
  authors: OneToThree<AuthorName>;
  topics: OneToThree<TopicSlug>;
  regions: OneOrTwo<RegionSlug>;
  /** Defaults to "published". */
  status?: "published" | "draft" | "scheduled";
  /** Defaults to true: each edition gets one generated PDF. */
  attachment?: boolean;
  /** Pinned to the front page by the demo's editors (both editions). */
  featured?: true;
};

import "server-only";
import { db } from "@/lib/db";
import { localizedName } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { cachedQuery } from "./cached-query";
import { matchingPapersSql } from "./catalogue-filter";
import { CATALOGUE_TAG, listPublicationItems } from "./publications";
import { listSeries } from "./series";

/** How many pinned papers the front page shows, and how many of each series' latest. */
export const FEATURED_LIMIT = 4;
export const LATEST_PER_SERIES = 3;

// As long as the catalogue's listings: bursts of readers share one set of queries; editors' changes drop it at once.
const FRONT_PAGE_TTL_SECONDS = 10;

type Bilingual = { slug: string; nameKo: string; nameEn: string };
export type FrontPageTopic = Bilingual & { paperCount: number };

/** What the cache keeps: ids and names only, plain JSON (the papers themselves are read fresh, dates and all). */
type FrontPageIds = {
  featured: number[];
  series: (Bilingual & { ids: number[] })[];
  topics: FrontPageTopic[];
};

/**
 * The front page's choices for a reader of `locale`, each paper as the
 * catalogue picks it (public, in the reader's language when that version
 * exists, otherwise as it is). A pin on either version of a translated pair
 * features the pair, shown in the reader's language.
 */
const frontPageIds = cachedQuery(
  async (locale: Locale): Promise<FrontPageIds> => {
    const matching = matchingPapersSql({ locale });
    const [featured, latest, topics, series] = await Promise.all([
      db.$queryRaw<{ id: number }[]>`
        SELECT m.id FROM (${matching}) m
        JOIN "Publication" p ON p.id = m.id
        CROSS JOIN LATERAL (SELECT greatest(p."featuredAt", (
          SELECT max(twin."featuredAt") FROM "Publication" twin
          WHERE twin.id = p."translationId" OR twin."translationId" = p.id)) AS at) pin
        WHERE pin.at IS NOT NULL
        ORDER BY pin.at DESC, m.id DESC
        LIMIT ${FEATURED_LIMIT}`,
      db.$queryRaw<{ id: number; seriesId: number }[]>`
        SELECT x.id, x."seriesId" FROM (
          SELECT m.id, m."seriesId", m."publishedAt",
            row_number() OVER (PARTITION BY m."seriesId" ORDER BY m."publishedAt" DESC, m.id DESC) AS n
          FROM (${matching}) m JOIN "Series" s ON s.id = m."seriesId"
          WHERE s."archivedAt" IS NULL) x
        WHERE x.n <= ${LATEST_PER_SERIES}
        ORDER BY x."publishedAt" DESC, x.id DESC`,
      // Counted as each topic's own page counts its papers.
      db.$queryRaw<FrontPageTopic[]>`
        SELECT t.slug, t."nameKo", t."nameEn", count(*)::int AS "paperCount"
        FROM (${matching}) m
        JOIN "PublicationTopic" pt ON pt."publicationId" = m.id
        JOIN "Topic" t ON t.id = pt."topicId"
        GROUP BY t.id`,
      listSeries(),
    ]);
    const collator = new Intl.Collator(locale);
    return {
      featured: featured.map((r) => r.id),
      // Every series readers can choose among, in display order; one with nothing to show is left out.
      series: series
        .map((s) => ({
          slug: s.slug,
          nameKo: s.nameKo,
          nameEn: s.nameEn,
          ids: latest.filter((r) => r.seriesId === s.id).map((r) => r.id),
        }))
        .filter((s) => s.ids.length > 0),
      topics: topics.sort((a, b) => collator.compare(localizedName(a, locale), localizedName(b, locale))),
    };
  },
  ["front-page"],
  { revalidate: FRONT_PAGE_TTL_SECONDS, tags: [CATALOGUE_TAG] },
);

/**
 * The front page in `locale`: up to FEATURED_LIMIT pinned papers (latest pin
 * first), each series' latest papers (series in display order, archived ones
 * left out) and the topics with papers to show, with how many.
 */
export async function getFrontPage(locale: Locale) {
  const { featured, series, topics } = await frontPageIds(locale);
  const list = await listPublicationItems([...new Set([...featured, ...series.flatMap((s) => s.ids)])]);
  const items = new Map(list.map((item) => [item.id, item]));
  // A paper deleted since the ids were cached is simply skipped.
  const pick = (ids: number[]) => ids.flatMap((id) => items.get(id) ?? []);
  return {
    featured: pick(featured),
    series: series.map(({ ids, ...s }) => ({ ...s, items: pick(ids) })).filter((s) => s.items.length > 0),
    topics,
  };
}

export type FrontPage = Awaited<ReturnType<typeof getFrontPage>>;

import "server-only";
import { cachedQuery } from "./cached-query";
import { CATALOGUE_TAG } from "./publications";
import { listSeries } from "./series";
import { listRegions, listTopics } from "./tags";

/**
 * What the catalogue's filters offer: the series, topics and regions. Every
 * listing, search, series, topic and author page asks, and only an editor
 * changes them, whose change drops them with the rest of the catalogue's
 * cache (CATALOGUE_TAG) in every instance (lib/revalidation/reader-pages.ts).
 * Asked of the database on every render, the three queries were about 2 ms
 * of the server's CPU per page (Prisma's own work, not the database's).
 */
export const listCatalogueChoices = cachedQuery(
  async () => {
    const [series, topics, regions] = await Promise.all([listSeries(), listTopics(), listRegions()]);
    return { series, topics, regions };
  },
  ["catalogue-choices"],
  { revalidate: 300, tags: [CATALOGUE_TAG] },
);

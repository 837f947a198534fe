import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { CATALOGUE_TAG } from "@/lib/data/publications";
import { SITE_SETTINGS_TAG } from "@/lib/data/site-settings";
import { forgetCachedPage } from "@/lib/edge/bridge";
import { locales } from "@/lib/i18n/routing";

/** Readers see an editor's change within seconds: drops the cached reader pages that show these papers. */
export function revalidatePublicationPages(ids: readonly number[]) {
  for (const l of locales) {
    for (const id of ids) {
      revalidatePath(`/${l}/publications/${id}`);
      // Its link-preview card too: a crawler reading the edited page must not get the old card.
      revalidatePath(`/${l}/publications/${id}/card.png`);
      forgetCachedPage(`/${l}/publications/${id}`);
    }
    revalidatePath(`/${l}/publications`);
    // The front page: its featured and latest papers.
    revalidatePath(`/${l}`);
  }
  revalidatePath("/[locale]/publications/view/[key]", "page");
  revalidatePath("/sitemap.xml");
  revalidateTag(CATALOGUE_TAG, { expire: 0 });
}

/** A topic or region changed: every page with the catalogue's facets (the topics' own among them), and the papers that carry it. */
export function revalidateTaxonomyPages(publicationIds: readonly number[]) {
  revalidatePath("/[locale]/series/[slug]", "page");
  revalidatePath("/[locale]/authors/[id]", "page");
  revalidatePath("/[locale]/topics/[slug]", "page");
  revalidatePublicationPages(publicationIds);
}

/**
 * A series changed: its name, order or visibility shows in every reader page's
 * header, the catalogue's filter, its own page and feed, and its papers' pages.
 */
export function revalidateSeriesPages() {
  revalidatePath("/[locale]", "layout");
  revalidatePath("/sitemap.xml");
  revalidateTag(CATALOGUE_TAG, { expire: 0 });
}

/** An author's own page in both languages, and every paper that shows the name. */
export function revalidateAuthorPages(authorId: number, publicationIds: readonly number[]) {
  for (const l of locales) revalidatePath(`/${l}/authors/${authorId}`);
  revalidatePublicationPages(publicationIds);
}

/**
 * The site settings changed: the institution's name, logo and footer show on
 * every reader page (and in feeds, citations and link-preview cards, which
 * read the settings when they render).
 */
export function revalidateSitePages() {
  revalidateTag(SITE_SETTINGS_TAG, { expire: 0 });
  revalidatePath("/[locale]", "layout");
  revalidatePath("/[locale]/publications/[id]/card.png", "page");
  revalidatePath("/[locale]/publications/view/[key]", "page");
}

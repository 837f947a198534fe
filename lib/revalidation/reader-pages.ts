import "server-only";
import { revalidatePath, revalidateTag } from "next/cache";
import { CATALOGUE_TAG } from "@/lib/data/publications";
import { SITE_SETTINGS_TAG } from "@/lib/data/site-settings";
import { forgetCachedPage, forgetCataloguePages } from "@/lib/edge/bridge";
import { locales } from "@/lib/i18n/routing";
import type { ReaderPagesChange } from "@/lib/validations/reader-pages-change";
import { tellOtherInstances } from "./other-instances";

// Each change drops this instance's cached copies at once and is written down
// for the other instances sharing the database, which drop theirs within a
// second (lib/revalidation/other-instances.ts).

/** Readers see an editor's change within seconds: drops the cached reader pages that show these papers. */
export function revalidatePublicationPages(ids: readonly number[]) {
  changed({ kind: "publications", ids: [...ids] });
}

function publicationPages(ids: readonly number[]) {
  for (const l of locales) {
    for (const id of ids) {
      revalidatePath(`/${l}/publications/${id}`);
      // Its link-preview card too: a crawler reading the edited page must not get the old card.
      revalidatePath(`/${l}/publications/${id}/card.png`);
      // Its body, which a navigation inside the site fetches on its own (publications/[id]/body).
      revalidatePath(`/${l}/publications/${id}/body`);
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
  changed({ kind: "taxonomy", ids: [...publicationIds] });
}

/**
 * A series changed: its name, order or visibility shows in every reader page's
 * header, the catalogue's filter, its own page and feed, and its papers' pages.
 */
export function revalidateSeriesPages() {
  changed({ kind: "series" });
}

/** An author's own page in both languages, and every paper that shows the name. */
export function revalidateAuthorPages(authorId: number, publicationIds: readonly number[]) {
  changed({ kind: "author", authorId, ids: [...publicationIds] });
}

/**
 * The site settings changed: the institution's name, logo and footer show on
 * every reader page (and in feeds, citations and link-preview cards, which
 * read the settings when they render).
 */
export function revalidateSitePages() {
  changed({ kind: "site" });
}

function changed(change: ReaderPagesChange) {
  dropCachedPages(change);
  tellOtherInstances(change);
}

/** Drops this instance's cached copies of the pages a change shows in (in a request: Next's revalidation needs one). */
export function dropCachedPages(change: ReaderPagesChange) {
  // Every change shows in the listing: a paper in its results, a name in its menus or footer.
  forgetCataloguePages();
  switch (change.kind) {
    case "publications":
      return publicationPages(change.ids);
    case "taxonomy":
      revalidatePath("/[locale]/series/[slug]", "page");
      revalidatePath("/[locale]/authors/[id]", "page");
      revalidatePath("/[locale]/topics/[slug]", "page");
      return publicationPages(change.ids);
    case "series":
      revalidatePath("/[locale]", "layout");
      revalidatePath("/sitemap.xml");
      revalidateTag(CATALOGUE_TAG, { expire: 0 });
      return;
    case "author":
      for (const l of locales) revalidatePath(`/${l}/authors/${change.authorId}`);
      return publicationPages(change.ids);
    case "site":
      revalidateTag(SITE_SETTINGS_TAG, { expire: 0 });
      revalidatePath("/[locale]", "layout");
      revalidatePath("/[locale]/publications/[id]/card.png", "page");
      revalidatePath("/[locale]/publications/view/[key]", "page");
      return;
  }
}

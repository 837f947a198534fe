import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

const ID = "find-in-paper";

/**
 * The paper page's "Search in this paper" box, its labels in the page's
 * language; its island (islands/find-in-paper.ts) asks the paper's find
 * route and lists what it answers, in words it carries itself.
 */
export async function FindInPaper({ locale, publicationId }: { locale: Locale; publicationId: number }) {
  const t = await getTranslations("FindInPaper");
  const base = `/${locale}/publications/${publicationId}`;
  return (
    <find-in-paper data-find-url={`${base}/find`} data-file-url={`${base}/files`}>
      <section className="find-in-paper no-print" aria-labelledby={`${ID}-title`}>
        <h2 id={`${ID}-title`}>{t("title")}</h2>
        <form role="search">
          <label htmlFor={`${ID}-q`}>{t("label")}</label>
          <input id={`${ID}-q`} name="q" type="search" maxLength={200} />
          <button type="submit">{t("button")}</button>
        </form>
        <div aria-live="polite" />
      </section>
    </find-in-paper>
  );
}

import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { SEARCH_MAX_LENGTH } from "@/lib/validations/publications";

/** The catalogue's search, from the front page: a plain GET form to the catalogue with its `q` parameter. */
export async function FrontSearch({ locale }: { locale: Locale }) {
  const t = await getTranslations("Home");
  return (
    <form className="search-form" action={`/${locale}/publications`} method="get" role="search">
      <label htmlFor="front-search">{t("searchLabel")}</label>
      <input id="front-search" name="q" type="search" maxLength={SEARCH_MAX_LENGTH} />
      <div className="search-form__actions">
        <button type="submit">{t("search")}</button>
      </div>
    </form>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

type Props = { locale: Locale; language: Locale; twin: { id: number; language: Locale } | null };

/** Said when the paper's language is not the page's: where the reader's version is, or that there is none. */
export async function LanguageNotice({ locale, language, twin }: Props) {
  if (language === locale) return null;
  const t = await getTranslations("Publication");
  return (
    <p className="notice" role="note">
      {twin?.language === locale ? (
        <Link href={`/${locale}/publications/${twin.id}`}>{t("translationAvailable")}</Link>
      ) : (
        t("onlyIn", { language })
      )}
    </p>
  );
}

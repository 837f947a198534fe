import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertLink } from "@/components/alert-link";
import { SiteHeader } from "@/components/site-header";
import { CatalogueView } from "@/components/catalogue/catalogue-view";
import { getPublicAuthor } from "@/lib/data/authors";
import { idSchema, parseListingQuery } from "@/lib/validations/publications";
import { isLocale } from "@/lib/i18n/routing";
import { otherLocale } from "@/lib/i18n/localized";
import { pageAlternates } from "@/lib/seo/alternates";

type Props = PageProps<"/[locale]/authors/[id]">;

async function load(id: string) {
  const parsed = idSchema.safeParse(id);
  return parsed.success ? getPublicAuthor(parsed.data) : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const author = isLocale(locale) ? await load(id) : null;
  if (!author || !isLocale(locale)) return {};
  const ko = locale === "ko";
  // The author is in the path: an `author` parameter is ignored by the page, so by its canonical too.
  const { query } = parseListingQuery(await searchParams);
  return {
    title: ko ? author.nameKo : author.nameEn,
    description: (ko ? author.bioKo : author.bioEn) || undefined,
    alternates: pageAlternates(locale, `/authors/${author.id}`, undefined, { ...query, author: undefined }),
  };
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const author = await load(id);
  if (!author) notFound();
  const { query, problems } = parseListingQuery(await searchParams);
  const [t, alerts] = await Promise.all([getTranslations("Author"), getTranslations("Alerts")]);
  const ko = locale === "ko";
  const position = [ko ? author.positionKo : author.positionEn, ko ? author.affiliationKo : author.affiliationEn].filter(Boolean);
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/authors/${author.id}`} />
      <main id="main" className="page" tabIndex={-1}>
        <p className="eyebrow">{t("eyebrow")}</p>
        <h1>{ko ? author.nameKo : author.nameEn}</h1>
        {position.length ? <p className="author__position">{position.join(", ")}</p> : null}
        {(ko ? author.bioKo : author.bioEn) ? <p className="lead">{ko ? author.bioKo : author.bioEn}</p> : null}
        <p>
          <AlertLink locale={locale} follow={{ author: author.id }} label={alerts("followAuthor")} />
        </p>
        <h2>{t("publications")}</h2>
        <CatalogueView
          locale={locale}
          basePath={`/${locale}/authors/${author.id}`}
          query={{ ...query, author: undefined }}
          problems={problems}
          fixed={{ author: author.id }}
        />
      </main>
    </>
  );
}

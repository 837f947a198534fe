import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { CataloguePage, catalogueMetadata } from "@/components/catalogue/catalogue-page";
import { isLocale } from "@/lib/i18n/routing";
import { parseListingQuery } from "@/lib/validations/publications";

type Props = PageProps<"/[locale]/publications">;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? catalogueMetadata(locale, parseListingQuery(await searchParams).query) : {};
}

/** Rendered per request only when the request has no cache key: a HEAD, a key too long, or no portal server in front. */
export default async function PublicationsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const { query, problems } = parseListingQuery(await searchParams);
  return <CataloguePage locale={locale} query={query} problems={problems} />;
}

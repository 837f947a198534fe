import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { CataloguePage, catalogueMetadata } from "@/components/catalogue/catalogue-page";
import { isLocale } from "@/lib/i18n/routing";
import { parseListingKey } from "@/lib/validations/listing-key";

type Props = PageProps<"/[locale]/publications/view/[key]">;

// next.config.ts rewrites /{locale}/publications?… here when the portal's server
// has named the query's canonical key (lib/edge/routes.ts): each distinct
// listing is rendered once and re-rendered at most every 10 s.
export const revalidate = 10;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, key } = await params;
  const parsed = parseListingKey(key);
  return isLocale(locale) && parsed ? catalogueMetadata(locale, parsed.query) : {};
}

export default async function CachedCataloguePage({ params }: Props) {
  const { locale, key } = await params;
  const parsed = parseListingKey(key);
  if (!isLocale(locale) || !parsed) notFound();
  setRequestLocale(locale);
  return <CataloguePage locale={locale} query={parsed.query} problems={parsed.problems} />;
}

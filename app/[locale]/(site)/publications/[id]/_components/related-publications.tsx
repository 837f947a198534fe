import { getTranslations } from "next-intl/server";
import { PublicationList } from "@/components/publication-list";
import type { PublicationListItem } from "@/lib/data/publications";

export async function RelatedPublications({ items }: { items: PublicationListItem[] }) {
  if (items.length === 0) return null;
  const t = await getTranslations("Publication");
  return (
    <section className="related no-print" aria-labelledby="related-title">
      <h2 id="related-title">{t("related")}</h2>
      <PublicationList items={items} headingLevel={3} brief />
    </section>
  );
}

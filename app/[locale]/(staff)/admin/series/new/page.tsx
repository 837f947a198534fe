import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { DEFAULT_REPORT_NUMBER_PATTERN } from "@/lib/validations/series";
import { saveSeries } from "../actions";
import { SeriesForm } from "../_components/series-form";

export default async function NewSeriesPage({ params }: PageProps<"/[locale]/admin/series/new">) {
  const { locale } = await params;
  await requirePagePermission("series:manage", locale, `/${locale}/admin/series/new`);
  const t = await getTranslations("SeriesAdmin");
  return (
    <>
      <p>
        <Link href={`/${locale}/admin/series`}>{t("backToList")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <SeriesForm
        action={saveSeries.bind(null, locale, null)}
        submitLabel="create"
        initial={{
          slug: "",
          nameKo: "",
          nameEn: "",
          descriptionKo: "",
          descriptionEn: "",
          reportPrefix: "",
          reportNumberPattern: DEFAULT_REPORT_NUMBER_PATTERN,
          sortOrder: 0,
          inNavigation: true,
        }}
      />
    </>
  );
}

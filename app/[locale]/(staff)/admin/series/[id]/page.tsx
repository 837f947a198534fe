import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { getSeriesForEdit } from "@/lib/data/admin-series";
import { siteDateTimeFormat } from "@/lib/format";
import { idSchema } from "@/lib/validations/publications";
import { deleteSeries, saveSeries, setSeriesArchivedAction } from "../actions";
import { SeriesForm } from "../_components/series-form";
import { SeriesLifecycle } from "../_components/series-lifecycle";

export default async function EditSeriesPage({ params, searchParams }: PageProps<"/[locale]/admin/series/[id]">) {
  const { locale, id } = await params;
  await requirePagePermission("series:manage", locale, `/${locale}/admin/series/${id}`);
  const seriesId = idSchema.safeParse(id);
  const series = seriesId.success ? await getSeriesForEdit(seriesId.data) : null;
  if (!series) notFound();
  const [t, query] = await Promise.all([getTranslations("SeriesAdmin"), searchParams]);
  const { id: _id, archivedAt, _count, ...fields } = series;
  return (
    <>
      <p>
        <Link href={`/${locale}/admin/series`}>{t("backToList")}</Link>
      </p>
      <h1>{t("editTitle", { name: locale === "ko" ? series.nameKo : series.nameEn })}</h1>
      {query.created ? (
        <p className="notice" role="status">
          {t("created")}
        </p>
      ) : null}
      <p>
        <Link href={`/${locale}/series/${series.slug}`}>{t("viewPublic")}</Link>
      </p>
      <div className="editor__layout">
        <SeriesForm action={saveSeries.bind(null, locale, series.id)} submitLabel="save" initial={fields} />
        <SeriesLifecycle
          archiveAction={setSeriesArchivedAction.bind(null, locale, series.id)}
          deleteAction={deleteSeries.bind(null, locale, series.id)}
          archivedOn={archivedAt ? siteDateTimeFormat(locale).format(archivedAt) : null}
        />
      </div>
    </>
  );
}

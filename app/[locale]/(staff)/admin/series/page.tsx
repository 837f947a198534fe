import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listSeriesForAdmin } from "@/lib/data/admin-series";

export default async function AdminSeriesPage({ params, searchParams }: PageProps<"/[locale]/admin/series">) {
  const { locale } = await params;
  await requirePagePermission("series:manage", locale, `/${locale}/admin/series`);
  const [t, rows, query] = await Promise.all([getTranslations("SeriesAdmin"), listSeriesForAdmin(), searchParams]);
  const basePath = `/${locale}/admin/series`;
  const ko = locale === "ko";
  return (
    <>
      <h1>{t("title")}</h1>
      {query.deleted ? (
        <p className="notice" role="status">
          {t("deleted")}
        </p>
      ) : null}
      <p>
        <Link href={`${basePath}/new`}>{t("new")}</Link>
      </p>
      <AdminTable
        rows={rows}
        headings={[t("columns.order"), t("columns.slug"), t("columns.name"), t("columns.papers"), t("columns.state")]}
        empty={t("empty")}
        rowKey={(s) => s.id}
        cells={(s) => (
          <>
            <td>{s.sortOrder}</td>
            <td>
              <code>{s.slug}</code>
            </td>
            <td>
              <Link href={`${basePath}/${s.id}`}>{ko ? s.nameKo : s.nameEn}</Link>
              <div className="admin-table__sub">{ko ? s.nameEn : s.nameKo}</div>
            </td>
            <td>{s._count.publications}</td>
            <td>{t(s.archivedAt ? "state.archived" : s.inNavigation ? "state.shown" : "state.hidden")}</td>
          </>
        )}
      />
    </>
  );
}

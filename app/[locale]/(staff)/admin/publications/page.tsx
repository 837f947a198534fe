import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listPublicationsForAdmin } from "@/lib/data/admin-publications";
import { listSeries } from "@/lib/data/series";
import { formatIsoDate } from "@/lib/format";
import { firstValues } from "@/lib/validations/publications";
import { StatusBadge } from "./_components/status-badge";

const querySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(["draft", "scheduled", "published", "archived"]).optional().catch(undefined),
  series: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export default async function AdminPublicationsPage({ params, searchParams }: PageProps<"/[locale]/admin/publications">) {
  const { locale } = await params;
  await requirePagePermission("publications:write", locale, `/${locale}/admin/publications`);
  const query = querySchema.parse(firstValues(await searchParams));
  const [t, result, series] = await Promise.all([
    getTranslations("Editor"),
    listPublicationsForAdmin({ q: query.q || undefined, status: query.status, seriesId: query.series, page: query.page }),
    listSeries(),
  ]);
  const kept = Object.fromEntries(
    Object.entries({ q: query.q, status: query.status, series: query.series })
      .filter(([, v]) => v)
      .map(([k, v]) => [k, String(v)]),
  );
  return (
    <>
      <div className="admin__title-row">
        <h1>{t("listTitle")}</h1>
        <Link className="action-button" href={`/${locale}/admin/publications/new`}>
          {t("new")}
        </Link>
      </div>
      <form className="admin-filters" method="get" role="search">
        <label htmlFor="q">{t("search")}</label>
        <input id="q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={200} />
        <label htmlFor="status" className="visually-hidden">
          {t("columns.status")}
        </label>
        <select id="status" name="status" defaultValue={query.status ?? ""}>
          <option value="">{t("allStatuses")}</option>
          {(["draft", "scheduled", "published", "archived"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor="series" className="visually-hidden">
          {t("fields.series")}
        </label>
        <select id="series" name="series" defaultValue={query.series ?? ""}>
          <option value="">{t("allSeries")}</option>
          {series.map((s) => (
            <option key={s.id} value={s.id}>
              {locale === "ko" ? s.nameKo : s.nameEn}
            </option>
          ))}
        </select>
        <button type="submit">{t("filter")}</button>
      </form>
      <AdminTable
        rows={result.rows}
        headings={[t("columns.number"), t("columns.title"), t("columns.language"), t("columns.status"), t("columns.updated")]}
        empty={t("empty")}
        rowKey={(p) => p.id}
        cells={(p) => (
          <>
            <td>{p.reportNumber}</td>
            <td>
              <Link href={`/${locale}/admin/publications/${p.id}`} lang={p.language}>
                {p.title}
              </Link>
              <div className="admin-table__sub">{locale === "ko" ? p.series.nameKo : p.series.nameEn}</div>
            </td>
            <td>{t(`languages.${p.language}`)}</td>
            <td>
              <StatusBadge status={p.status} publishedAt={p.publishedAt} />
            </td>
            <td>{formatIsoDate(p.updatedAt)}</td>
          </>
        )}
        pages={{ page: query.page, pageCount: result.pageCount, basePath: `/${locale}/admin/publications`, query: kept }}
      />
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listAuthorsForAdmin } from "@/lib/data/admin-authors";
import { authorListQuerySchema } from "@/lib/validations/authors";
import { firstValues } from "@/lib/validations/publications";

export default async function AdminAuthorsPage({ params, searchParams }: PageProps<"/[locale]/admin/authors">) {
  const { locale } = await params;
  await requirePagePermission("publications:write", locale, `/${locale}/admin/authors`);
  const query = authorListQuerySchema.parse(firstValues(await searchParams));
  const [t, list] = await Promise.all([getTranslations("Authors"), listAuthorsForAdmin(query)]);
  const basePath = `/${locale}/admin/authors`;
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" action={basePath} className="admin-filters" role="search">
        <label htmlFor="authors-q">{t("searchLabel")}</label>
        <input id="authors-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        <button type="submit">{t("search")}</button>
      </form>
      <AdminTable
        rows={list.rows}
        headings={[t("name"), t("fields.affiliation"), t("publications")]}
        empty={t("empty")}
        rowKey={(a) => a.id}
        cells={(a) => (
          <>
            <td>
              <Link href={`${basePath}/${a.id}`}>{locale === "ko" ? a.nameKo : a.nameEn}</Link>
              <div className="admin-table__sub">{locale === "ko" ? a.nameEn : a.nameKo}</div>
            </td>
            <td>{locale === "ko" ? a.affiliationKo : a.affiliationEn}</td>
            <td>{a._count.authorships}</td>
          </>
        )}
        pages={{ page: query.page, pageCount: list.pageCount, basePath, query: query.q ? { q: query.q } : {} }}
      />
    </>
  );
}

import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listEmailShares } from "@/lib/data/email-shares";
import { pageNumberSchema } from "@/lib/validations/pagination";
import { firstValues } from "@/lib/validations/publications";
import { siteDateTimeFormat } from "@/lib/format";

export default async function EmailLogPage({ params, searchParams }: PageProps<"/[locale]/admin/email-log">) {
  const { locale } = await params;
  await requirePagePermission("audit:read", locale, `/${locale}/admin/email-log`);
  const page = pageNumberSchema.parse(firstValues(await searchParams).page ?? 1);
  const [t, log] = await Promise.all([getTranslations("EmailLog"), listEmailShares({ page })]);
  const when = siteDateTimeFormat(locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AdminTable
        rows={log.rows}
        headings={[t("when"), t("publication"), t("outcome"), t("error"), t("client")]}
        empty={t("empty")}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>{when.format(r.createdAt)}</td>
            <td>
              {r.publication ? (
                <Link href={`/${locale}/admin/publications/${r.publication.id}`}>{r.publication.title}</Link>
              ) : (
                "—"
              )}
            </td>
            <td>{t(`outcomes.${r.outcome}`)}</td>
            <td>{r.error ?? ""}</td>
            <td>
              <code>{r.clientHash.slice(0, 12)}</code>
            </td>
          </>
        )}
        pages={{ page, pageCount: log.pageCount, basePath: `/${locale}/admin/email-log` }}
      />
    </>
  );
}

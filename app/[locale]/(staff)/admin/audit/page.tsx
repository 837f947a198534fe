import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listAuditEntries } from "@/lib/data/audit";
import { pageNumberSchema } from "@/lib/validations/pagination";
import { firstValues } from "@/lib/validations/publications";
import { siteDateTimeFormat } from "@/lib/format";

export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { locale } = await params;
  await requirePagePermission("audit:read", locale, `/${locale}/admin/audit`);
  const page = pageNumberSchema.parse(firstValues(await searchParams).page ?? 1);
  const [t, log] = await Promise.all([getTranslations("AuditLog"), listAuditEntries({ page })]);
  const when = siteDateTimeFormat(locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <AdminTable
        rows={log.rows}
        headings={[t("when"), t("who"), t("what"), t("record"), t("changes")]}
        empty={t("empty")}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>{when.format(r.createdAt)}</td>
            <td>{r.user?.email ?? t("nobody")}</td>
            <td>{r.action}</td>
            <td>
              {r.entityType} #{r.entityId}
            </td>
            <td>
              {r.changes && typeof r.changes === "object" ? (
                <ul className="audit__changes">
                  {Object.entries(r.changes as Record<string, [unknown, unknown]>).map(([field, [before, after]]) => (
                    <li key={field}>
                      <strong>{field}</strong>: {JSON.stringify(before)?.slice(0, 120)} → {JSON.stringify(after)?.slice(0, 120)}
                    </li>
                  ))}
                </ul>
              ) : null}
            </td>
          </>
        )}
        pages={{ page, pageCount: log.pageCount, basePath: `/${locale}/admin/audit` }}
      />
    </>
  );
}

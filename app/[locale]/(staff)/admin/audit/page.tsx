import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Pagination } from "@/components/pagination";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listAuditEntries } from "@/lib/data/audit";
import { firstValues } from "@/lib/validations/publications";

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { locale } = await params;
  await requirePagePermission("audit:read", locale, `/${locale}/admin/audit`);
  const page = pageSchema.parse(firstValues(await searchParams).page ?? 1);
  const [t, log] = await Promise.all([getTranslations("AuditLog"), listAuditEntries({ page })]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Seoul" });
  return (
    <>
      <h1>{t("title")}</h1>
      {log.rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("what")}</th>
              <th scope="col">{t("record")}</th>
              <th scope="col">{t("changes")}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={String(r.id)}>
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
                          <strong>{field}</strong>: {JSON.stringify(before)?.slice(0, 120)} →{" "}
                          {JSON.stringify(after)?.slice(0, 120)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={log.pageCount} basePath={`/${locale}/admin/audit`} query={{}} />
    </>
  );
}

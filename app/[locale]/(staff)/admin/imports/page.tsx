import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listImportRuns } from "@/lib/data/import-runs";
import { formatNumber, siteDateTimeFormat } from "@/lib/format";
import { pageNumberSchema } from "@/lib/validations/pagination";
import { firstValues } from "@/lib/validations/publications";

/** Past `npm run import` runs: when, who, which folder, what they did, and every line they refused. */
export default async function ImportsPage({ params, searchParams }: PageProps<"/[locale]/admin/imports">) {
  const { locale } = await params;
  await requirePagePermission("audit:read", locale, `/${locale}/admin/imports`);
  const page = pageNumberSchema.parse(firstValues(await searchParams).page ?? 1);
  const [t, runs] = await Promise.all([getTranslations("Imports"), listImportRuns({ page })]);
  const when = siteDateTimeFormat(locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <AdminTable
        rows={runs.rows}
        headings={[t("started"), t("by"), t("source"), t("status"), t("counts"), t("refusedLines")]}
        empty={t("empty")}
        rowKey={(r) => r.id}
        cells={(r) => (
          <>
            <td>{when.format(r.startedAt)}</td>
            <td>{r.startedBy}</td>
            <td>
              <code>{r.source}</code>
              {r.dryRun ? <> ({t("dryRun")})</> : null}
            </td>
            <td>{t(`statuses.${r.status}`)}</td>
            <td>
              {t("countsValue", {
                imported: formatNumber(r.imported, locale),
                updated: formatNumber(r.updated, locale),
                unchanged: formatNumber(r.unchanged, locale),
                refused: formatNumber(r.refused, locale),
              })}
            </td>
            <td>
              {r.refusedLines.length > 0 ? (
                <details>
                  <summary>{t("showRefused", { count: r.refusedLines.length })}</summary>
                  <ul className="imports__refused">
                    {r.refusedLines.map((l) => (
                      <li key={`${l.file ?? ""}${l.line}-${l.field}`}>
                        {t("refusedLine", {
                          file: l.file ?? "publications.jsonl",
                          line: l.line,
                          field: l.field,
                          reason: l.reason,
                        })}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : (
                "—"
              )}
            </td>
          </>
        )}
        pages={{ page, pageCount: runs.pageCount, basePath: `/${locale}/admin/imports` }}
      />
    </>
  );
}

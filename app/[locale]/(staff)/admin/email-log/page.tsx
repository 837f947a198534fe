import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Pagination } from "@/components/pagination";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listEmailShares } from "@/lib/data/email-shares";
import { firstValues } from "@/lib/validations/publications";

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export default async function EmailLogPage({ params, searchParams }: PageProps<"/[locale]/admin/email-log">) {
  const { locale } = await params;
  await requirePagePermission("audit:read", locale, `/${locale}/admin/email-log`);
  const page = pageSchema.parse(firstValues(await searchParams).page ?? 1);
  const [t, log] = await Promise.all([getTranslations("EmailLog"), listEmailShares({ page })]);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Seoul" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {log.rows.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("publication")}</th>
              <th scope="col">{t("outcome")}</th>
              <th scope="col">{t("error")}</th>
              <th scope="col">{t("client")}</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((r) => (
              <tr key={String(r.id)}>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} pageCount={log.pageCount} basePath={`/${locale}/admin/email-log`} query={{}} />
    </>
  );
}

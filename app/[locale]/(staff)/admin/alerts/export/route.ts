import { getTranslations } from "next-intl/server";
import { authorizeRequest } from "@/lib/auth/session";
import { listAlertSubscribers } from "@/lib/data/alert-stats";
import { recordAudit } from "@/lib/data/audit";
import { csvDownload } from "@/lib/http/csv";
import { notFoundText } from "@/lib/http/responses";
import { isLocale } from "@/lib/i18n/routing";

/** The subscriber list as CSV, for administrators only; every export is written in the audit log. */
export async function GET(_request: Request, { params }: RouteContext<"/[locale]/admin/alerts/export">) {
  const user = await authorizeRequest("alerts:manage");
  if (user instanceof Response) return user;
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundText();
  const t = await getTranslations({ locale, namespace: "AlertsAdmin" });
  const rows = await listAlertSubscribers();
  await recordAudit({
    userId: user.id,
    action: "export",
    entityType: "alert-subscriber",
    entityId: "all",
    changes: { rows: [null, rows.length] },
  });
  const columns = (
    ["email", "language", "frequency", "everything", "series", "topics", "authors", "confirmedAt", "status"] as const
  ).map((key) => ({ key, header: t(`columns.${key}`) }));
  return csvDownload(`alert-subscribers-${new Date().toISOString().slice(0, 10)}.csv`, {
    columns,
    rows: rows.map((r) => ({
      email: r.email,
      language: r.locale,
      frequency: r.frequency,
      everything: r.everything ? "yes" : "",
      series: r.series,
      topics: r.topics,
      authors: r.authors,
      confirmedAt: r.confirmedAt.toISOString(),
      status: t(`statuses.${r.unsubscribedAt ? "unsubscribed" : r.bouncedAt ? "bounced" : "active"}`),
    })),
  });
}

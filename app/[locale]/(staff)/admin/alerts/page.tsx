import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { can } from "@/lib/auth/permissions";
import { alertsPerPaper, alertTotals, subscribersPerFollow } from "@/lib/data/alert-stats";
import { formatNumber, siteDateTimeFormat } from "@/lib/format";
import { localeOrDefault } from "@/lib/i18n/routing";
import { removeAlertAddress } from "./actions";
import { RemoveAddressForm } from "./_components/remove-address-form";

/** Email alerts for staff: who follows what, what each paper's alert did; addresses for administrators. */
export default async function AlertsAdminPage({ params }: PageProps<"/[locale]/admin/alerts">) {
  const { locale: raw } = await params;
  const locale = localeOrDefault(raw);
  const user = await requirePagePermission("alerts:read", locale, `/${locale}/admin/alerts`);
  const [t, totals, follows, papers] = await Promise.all([
    getTranslations("AlertsAdmin"),
    alertTotals(),
    subscribersPerFollow(),
    alertsPerPaper(),
  ]);
  const when = siteDateTimeFormat(locale);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2>{t("totals")}</h2>
      <dl className="stats-figures">
        {(["active", "pending", "unsubscribed", "bounced"] as const).map((key) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd data-figure={key}>{formatNumber(totals[key], locale)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("perFollow")}</h2>
      <AdminTable
        rows={follows}
        headings={[t("kind"), t("name"), t("subscribers")]}
        empty={t("noFollows")}
        rowKey={(r) => `${r.kind}-${r.id}`}
        cells={(r) => (
          <>
            <td>{t(`kinds.${r.kind}`)}</td>
            <td>{r.kind === "everything" ? "" : locale === "ko" ? r.nameKo : r.nameEn}</td>
            <td>{formatNumber(r.subscribers, locale)}</td>
          </>
        )}
      />
      <h2>{t("perPaper")}</h2>
      <AdminTable
        rows={papers}
        headings={[t("publication"), t("announcedAt"), t("waiting"), t("sent"), t("failed")]}
        empty={t("noPapers")}
        rowKey={(r) => r.publicationId}
        cells={(r) => (
          <>
            <td lang={r.language}>
              <Link href={`/${locale}/admin/stats/publications/${r.publicationId}`}>{r.title}</Link>
            </td>
            <td>{when.format(r.announcedAt)}</td>
            <td>{formatNumber(r.waiting, locale)}</td>
            <td>{formatNumber(r.sent, locale)}</td>
            <td>{formatNumber(r.failed, locale)}</td>
          </>
        )}
      />
      {can(user.role, "alerts:manage") ? (
        <section aria-labelledby="alert-addresses" className="panel">
          <h2 id="alert-addresses">{t("manageTitle")}</h2>
          <p>
            <a href={`/${locale}/admin/alerts/export`} download>
              {t("export")}
            </a>
          </p>
          <p>{t("exportNote")}</p>
          <h3>{t("removeTitle")}</h3>
          <p>{t("removeHelp")}</p>
          <RemoveAddressForm action={removeAlertAddress.bind(null, locale)} labels={{ email: t("email"), remove: t("remove") }} />
        </section>
      ) : null}
    </>
  );
}

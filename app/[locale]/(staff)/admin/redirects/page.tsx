import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listRedirectRules } from "@/lib/data/redirect-rules";
import { clientMessages } from "@/lib/i18n/client-messages";
import { createRedirectRuleAction, deleteRedirectRuleAction } from "./actions";
import { CreateRedirectForm, DeleteRedirectForm } from "./_components/redirect-forms";

export default async function AdminRedirectsPage({ params }: PageProps<"/[locale]/admin/redirects">) {
  const { locale } = await params;
  await requirePagePermission("redirects:manage", locale, `/${locale}/admin/redirects`);
  const [t, rules, messages] = await Promise.all([
    getTranslations("Redirects"),
    listRedirectRules(),
    // The admin layout hands its client components other namespaces; these forms need this one.
    clientMessages(["Redirects"]),
  ]);
  return (
    <NextIntlClientProvider messages={messages}>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section className="panel" aria-labelledby="new-redirect">
        <h2 id="new-redirect">{t("newTitle")}</h2>
        <CreateRedirectForm action={createRedirectRuleAction.bind(null, locale)} />
      </section>
      <h2>{t("listTitle")}</h2>
      <AdminTable
        rows={rules}
        headings={[t("fromPath"), t("toPath"), t("actions")]}
        empty={t("empty")}
        rowKey={(rule) => rule.id}
        cells={(rule) => (
          <>
            <td>
              <code>{rule.fromPath}</code>
            </td>
            <td>
              <code>{rule.toPath}</code>
            </td>
            <td>
              <DeleteRedirectForm id={rule.id} fromPath={rule.fromPath} action={deleteRedirectRuleAction.bind(null, locale)} />
            </td>
          </>
        )}
      />
    </NextIntlClientProvider>
  );
}

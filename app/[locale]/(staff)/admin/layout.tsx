import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import { signOut } from "@/lib/auth";
import { adminSectionsFor } from "@/lib/admin/sections";
import { requirePageCurrentUser } from "@/lib/auth/page-user";
import { isLocale } from "@/lib/i18n/routing";
import { SubmitButton } from "@/components/form/submit-button";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requirePageCurrentUser(locale);
  const [t, ts] = await Promise.all([getTranslations("Admin"), getTranslations("SignIn")]);
  const links = adminSectionsFor(user.role).map((l) => ({ href: l.href, label: t(l.label) }));
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: `/${locale}/sign-in` });
  }
  return (
    <div className="admin">
      <header className="admin__bar">
        <Link href={`/${locale}/admin`} className="admin__brand">
          {t("title")}
        </Link>
        <nav aria-label={t("nav")} className="admin__nav">
          {links.map((l) => (
            <Link key={l.href} href={`/${locale}/admin/${l.href}`}>
              {l.label}
            </Link>
          ))}
          <Link href={`/${locale}/publications`}>{t("viewSite")}</Link>
        </nav>
        <div className="admin__user">
          <span>{t("signedInAs", { email: user.email, role: t(`roles.${user.role}`) })}</span>
          <form action={signOutAction}>
            <SubmitButton className="button--quiet">{ts("signOut")}</SubmitButton>
          </form>
        </div>
      </header>
      <main id="main" className="page admin__main" tabIndex={-1}>
        <NextIntlClientProvider
          messages={await clientMessages(["Admin", "Editor", "Users", "Uploads", "Authors", "Taxonomy", "SeriesAdmin"])}
        >
          {children}
        </NextIntlClientProvider>
      </main>
    </div>
  );
}

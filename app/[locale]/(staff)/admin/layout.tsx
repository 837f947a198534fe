import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { signOut } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { requirePageCurrentUser } from "@/lib/auth/page-user";
import { isLocale } from "@/lib/i18n/routing";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function AdminLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requirePageCurrentUser(locale);
  const [t, ts] = await Promise.all([getTranslations("Admin"), getTranslations("SignIn")]);
  const links = [
    { href: "publications", label: t("publications"), show: can(user.role, "publications:write") },
    { href: "stats", label: t("stats"), show: can(user.role, "stats:read") },
    { href: "users", label: t("users"), show: can(user.role, "users:manage") },
    { href: "audit", label: t("audit"), show: can(user.role, "audit:read") },
    { href: "email-log", label: t("emailLog"), show: can(user.role, "audit:read") },
  ].filter((l) => l.show);
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
            <button type="submit" className="button--quiet">
              {ts("signOut")}
            </button>
          </form>
        </div>
      </header>
      <main id="main" className="page admin__main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

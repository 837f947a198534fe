import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePagePermission } from "@/lib/auth/page-user";

export default async function AdminHome({ params }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  const user = await requirePagePermission("admin:enter", locale, `/${locale}/admin`);
  const t = await getTranslations("Admin");
  const items = [
    { href: "publications", label: t("publications"), show: can(user.role, "publications:write") },
    { href: "stats", label: t("stats"), show: can(user.role, "stats:read") },
    { href: "users", label: t("users"), show: can(user.role, "users:manage") },
    { href: "audit", label: t("audit"), show: can(user.role, "audit:read") },
    { href: "email-log", label: t("emailLog"), show: can(user.role, "audit:read") },
  ].filter((i) => i.show);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{items.length ? t("welcome") : t("noAccessHere")}</p>
      <ul className="admin__tiles">
        {items.map((i) => (
          <li key={i.href}>
            <Link href={`/${locale}/admin/${i.href}`}>{i.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}

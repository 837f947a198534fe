import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminSectionsFor } from "@/lib/admin/sections";
import { requirePagePermission } from "@/lib/auth/page-user";

export default async function AdminHome({ params }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  const user = await requirePagePermission("admin:enter", locale, `/${locale}/admin`);
  const t = await getTranslations("Admin");
  const items = adminSectionsFor(user.role).map((l) => ({ href: l.href, label: t(l.label) }));
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

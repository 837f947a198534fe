import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listUsers } from "@/lib/data/users";
import { formatIsoDate } from "@/lib/format";
import { changeUserRole, inviteUser, setUserActiveAction } from "./actions";
import { InviteUserForm, UserRowControls } from "./_components/user-forms";

export default async function UsersPage({ params }: PageProps<"/[locale]/admin/users">) {
  const { locale } = await params;
  await requirePagePermission("users:manage", locale, `/${locale}/admin/users`);
  const [t, tr, users] = await Promise.all([getTranslations("Users"), getTranslations("Admin"), listUsers()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="panel" aria-labelledby="invite-title">
        <h2 id="invite-title">{t("inviteTitle")}</h2>
        <InviteUserForm action={inviteUser.bind(null, locale)} />
      </section>
      <AdminTable
        rows={users}
        headings={[t("email"), t("role"), t("state"), t("since"), t("actions")]}
        rowKey={(u) => u.id}
        cells={(u) => (
          <>
            <td>
              {u.email}
              {u.name ? <div className="admin-table__sub">{u.name}</div> : null}
            </td>
            <td>{tr(`roles.${u.role}`)}</td>
            <td>{u.deactivatedAt ? t("inactive") : t("active")}</td>
            <td>{formatIsoDate(u.createdAt)}</td>
            <td>
              <UserRowControls
                user={{ id: u.id, email: u.email, role: u.role, active: !u.deactivatedAt }}
                roleAction={changeUserRole.bind(null, locale)}
                activeAction={setUserActiveAction.bind(null, locale)}
              />
            </td>
          </>
        )}
      />
    </>
  );
}

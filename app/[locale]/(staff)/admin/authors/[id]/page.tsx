import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { getAuthorForEdit } from "@/lib/data/admin-authors";
import { idSchema } from "@/lib/validations/publications";
import { saveAuthor } from "../actions";
import { AuthorForm } from "../_components/author-form";

export default async function EditAuthorPage({ params }: PageProps<"/[locale]/admin/authors/[id]">) {
  const { locale, id } = await params;
  await requirePagePermission("publications:write", locale, `/${locale}/admin/authors/${id}`);
  const authorId = idSchema.safeParse(id);
  const author = authorId.success ? await getAuthorForEdit(authorId.data) : null;
  if (!author) notFound();
  const t = await getTranslations("Authors");
  const { id: _id, updatedAt, ...profile } = author;
  return (
    <>
      <p>
        <Link href={`/${locale}/admin/authors`}>{t("backToList")}</Link>
      </p>
      <h1>{t("editTitle", { name: locale === "ko" ? author.nameKo : author.nameEn })}</h1>
      <p>
        <Link href={`/${locale}/authors/${author.id}`}>{t("viewPublic")}</Link>
      </p>
      <AuthorForm action={saveAuthor.bind(null, locale, author.id)} initial={{ ...profile, version: updatedAt.toISOString() }} />
    </>
  );
}

"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { authorizeAction } from "@/lib/auth/session";
import { revalidateAuthorPages } from "@/lib/revalidation/reader-pages";
import { updateAuthorRecord } from "@/lib/data/admin-authors";
import { ConflictError } from "@/lib/data/admin-publications";
import { diffFields, recordAudit } from "@/lib/data/audit";
import { localeOrDefault } from "@/lib/i18n/routing";
import { authorEditorSchema } from "@/lib/validations/authors";
import { idSchema } from "@/lib/validations/publications";

export type AuthorFormState = ActionState & { version?: string };

/** Saves an author's profile; the new name shows on their page and every paper of theirs within seconds. */
export async function saveAuthor(
  locale: string,
  id: number,
  _prev: AuthorFormState,
  formData: FormData,
): Promise<AuthorFormState> {
  const t = await getTranslations({ locale: localeOrDefault(locale), namespace: "Authors" });
  // 1. Parse.
  const parsed = authorEditorSchema.safeParse(Object.fromEntries(formData));
  const authorId = idSchema.safeParse(id);
  if (!parsed.success || !authorId.success)
    return invalidForm(t("fixErrors"), parsed.error?.issues ?? [], (c) => t(`errors.${c}` as "errors.required"));
  // 2. Authorize.
  const user = await authorizeAction("publications:write");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const { version, ...profile } = parsed.data;
  try {
    const saved = await updateAuthorRecord(authorId.data, new Date(version), profile);
    await recordAudit({
      userId: user.id,
      action: "update",
      entityType: "author",
      entityId: authorId.data,
      changes: diffFields(saved.before, profile),
    });
    // 4. Revalidate.
    revalidateAuthorPages(authorId.data, saved.publicationIds);
    revalidatePath(`/${locale}/admin/authors`);
    return { ok: true, message: t("saved"), version: saved.version.toISOString() };
  } catch (e) {
    if (e instanceof ConflictError) return { ok: false, message: t("conflict") };
    throw e;
  }
}

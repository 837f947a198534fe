"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { authorizeAction } from "@/lib/auth/session";
import {
  DuplicateSeriesSlugError,
  SeriesInUseError,
  createSeriesRecord,
  deleteSeriesRecord,
  setSeriesArchived,
  updateSeriesRecord,
} from "@/lib/data/admin-series";
import { diffFields, recordAudit, type AuditAction } from "@/lib/data/audit";
import { localeOrDefault } from "@/lib/i18n/routing";
import { revalidateSeriesPages } from "@/lib/revalidation/reader-pages";
import { idSchema } from "@/lib/validations/publications";
import { seriesArchiveSchema, seriesEditorSchema } from "@/lib/validations/series";

async function tFor(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "SeriesAdmin" });
}

function auditSeries(userId: string, action: AuditAction, id: number, changes: Record<string, [unknown, unknown]>) {
  return recordAudit({ userId, action, entityType: "series", entityId: id, changes });
}

function revalidateAll(locale: string, id?: number) {
  revalidateSeriesPages();
  revalidatePath(`/${locale}/admin/series`);
  if (id !== undefined) revalidatePath(`/${locale}/admin/series/${id}`);
}

/** Creates a series (idParam null, then off to its page) or saves one; readers see it within seconds. */
export async function saveSeries(
  locale: string,
  idParam: number | null,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const parsed = seriesEditorSchema.safeParse(Object.fromEntries(formData));
  const id = idParam === null ? null : idSchema.safeParse(idParam);
  if (!parsed.success || (id && !id.success))
    return invalidForm(t("fixErrors"), parsed.error?.issues ?? [], (c) => t(`errors.${c}` as "errors.required"));
  // 2. Authorize.
  const user = await authorizeAction("series:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const input = parsed.data;
  try {
    if (!id) {
      const created = await createSeriesRecord(input);
      await auditSeries(user.id, "create", created.id, diffFields({}, input));
      // 4. Revalidate.
      revalidateAll(locale);
      redirect(`/${locale}/admin/series/${created.id}?created=1`);
    }
    const before = await updateSeriesRecord(id.data, input);
    if (!before) return { ok: false, message: t("notFound") };
    await auditSeries(user.id, "update", id.data, diffFields(before, input));
    // 4. Revalidate.
    revalidateAll(locale, id.data);
    return { ok: true, message: t("saved") };
  } catch (e) {
    if (e instanceof DuplicateSeriesSlugError)
      return { ok: false, message: t("fixErrors"), fieldErrors: { slug: [t("errors.slugTaken")] } };
    throw e;
  }
}

/** Archives a series (hidden from the header, the filter and new papers) or brings it back. */
export async function setSeriesArchivedAction(
  locale: string,
  idParam: number,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const parsed = seriesArchiveSchema.safeParse(Object.fromEntries(formData));
  const id = idSchema.safeParse(idParam);
  if (!parsed.success || !id.success) return { ok: false, message: t("fixErrors") };
  // 2. Authorize.
  const user = await authorizeAction("series:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const { archived } = parsed.data;
  const changed = await setSeriesArchived(id.data, archived);
  if (!changed) return { ok: false, message: t("notFound") };
  await auditSeries(
    user.id,
    archived ? "archive" : "unarchive",
    id.data,
    diffFields({ archivedAt: changed.before }, { archivedAt: changed.after }),
  );
  // 4. Revalidate.
  revalidateAll(locale, id.data);
  return { ok: true, message: t(archived ? "archivedDone" : "unarchivedDone") };
}

/** Deletes a series without papers, then back to the list; one with papers is refused on the confirmation field. */
export async function deleteSeries(
  locale: string,
  idParam: number,
  _prev: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const t = await tFor(locale);
  // 1. Parse.
  const id = idSchema.safeParse(idParam);
  if (!id.success) return { ok: false, message: t("notFound") };
  if (formData.get("confirm") !== "on")
    return { ok: false, message: t("fixErrors"), fieldErrors: { confirm: [t("errors.confirmRequired")] } };
  // 2. Authorize.
  const user = await authorizeAction("series:manage");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  let removed: Awaited<ReturnType<typeof deleteSeriesRecord>>;
  try {
    removed = await deleteSeriesRecord(id.data);
  } catch (e) {
    if (!(e instanceof SeriesInUseError)) throw e;
    return { ok: false, message: t("fixErrors"), fieldErrors: { confirm: [t("errors.hasPapers", { count: e.papers })] } };
  }
  if (!removed) return { ok: false, message: t("notFound") };
  await auditSeries(user.id, "delete", id.data, { slug: [removed.slug, null], nameEn: [removed.nameEn, null] });
  // 4. Revalidate.
  revalidateAll(locale);
  redirect(`/${locale}/admin/series?deleted=1`);
}

"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { authorizeAction } from "@/lib/auth/session";
import { nudgeAnnouncement } from "@/lib/alerts/queue";
import { revalidatePublicationPages } from "@/lib/revalidation/reader-pages";
import {
  ConflictError,
  DuplicateReportNumberError,
  createPublicationRecord,
  deletePublicationRecord,
  getPublicationForEdit,
  getPublicationLanguage,
  getPublicationStatus,
  setPublicationStatus,
  updatePublicationRecord,
  type PinChange,
} from "@/lib/data/admin-publications";
import { diffFields, recordAudit } from "@/lib/data/audit";
import { getSeriesRules } from "@/lib/data/series";
import { localeOrDefault } from "@/lib/i18n/routing";
import { mayDelete, publishedAtAfter, statusAuditAction } from "@/lib/publications/status";
import { storage } from "@/lib/storage";
import {
  formIds,
  publicationEditorSchema,
  statusChangeSchema,
  type PublicationEditorInput,
} from "@/lib/validations/publication-editor";
import { publicationIdSchema } from "@/lib/validations/publications";
import { reportNumberMatches } from "@/lib/validations/series";

export type EditorState = ActionState & { version?: number };

async function tFor(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "Editor" });
}

function parseEditorForm(formData: FormData) {
  return publicationEditorSchema.safeParse({
    ...Object.fromEntries(formData),
    topicIds: formIds(formData, "topicIds"),
    regionIds: formIds(formData, "regionIds"),
  });
}

/** A pin added or taken off the front page is its own audit entry, so the log answers "who featured this?". */
async function recordPinAudit(userId: string, publicationId: number, { before, after }: PinChange) {
  if ((before === null) === (after === null)) return;
  await recordAudit({
    userId,
    action: after ? "feature" : "unfeature",
    entityType: "publication",
    entityId: publicationId,
    changes: { featuredAt: [before, after] },
  });
}

/**
 * What the chosen series asks of the paper: that it exists, takes new papers
 * (an archived one keeps only those already in it) and accepts the report number.
 */
async function seriesFieldErrors(
  input: PublicationEditorInput,
  publicationId: number | null,
  t: Awaited<ReturnType<typeof tFor>>,
): Promise<Record<string, string[]> | null> {
  const rules = await getSeriesRules(input.seriesId);
  if (!rules) return { seriesId: [t("errors.invalid")] };
  const out: Record<string, string[]> = {};
  if (rules.archivedAt) {
    const current = publicationId === null ? null : await getPublicationForEdit(publicationId);
    if (current?.seriesId !== input.seriesId) out.seriesId = [t("errors.seriesArchived")];
  }
  if (!reportNumberMatches(rules.reportNumberPattern, input.reportNumber))
    out.reportNumber = [t("errors.reportNumberPattern", { pattern: rules.reportNumberPattern })];
  return Object.keys(out).length ? out : null;
}

export async function savePublication(
  locale: string,
  idParam: number | null,
  _prev: EditorState,
  formData: FormData,
): Promise<EditorState> {
  const t = await tFor(locale);
  // 1. Parse.
  const parsed = parseEditorForm(formData);
  const id = idParam === null ? null : publicationIdSchema.safeParse(idParam);
  if (!parsed.success || (id && !id.success))
    return invalidForm(t("fixErrors"), parsed.error?.issues ?? [], (c) => t(`errors.${c}` as "errors.required"));
  // 2. Authorize.
  const user = await authorizeAction("publications:write");
  if (!user) return { ok: false, message: t("forbidden") };
  const input = parsed.data;
  if (input.translationId !== null) {
    const twinLanguage = await getPublicationLanguage(input.translationId);
    if (!twinLanguage || twinLanguage === input.language)
      return { ok: false, message: t("fixErrors"), fieldErrors: { translationId: [t("errors.translationLanguage")] } };
  }
  const seriesErrors = await seriesFieldErrors(input, id ? id.data : null, t);
  if (seriesErrors) return { ok: false, message: t("fixErrors"), fieldErrors: seriesErrors };
  // 3. Act.
  try {
    if (!id) {
      const created = await createPublicationRecord(input, user.id);
      await recordAudit({
        userId: user.id,
        action: "create",
        entityType: "publication",
        entityId: created.id,
        changes: { title: [null, input.title], reportNumber: [null, input.reportNumber] },
      });
      await recordPinAudit(user.id, created.id, created.pin);
      redirect(`/${locale}/admin/publications/${created.id}?created=1`);
    }
    const before = await getPublicationForEdit(id.data);
    if (!before) return { ok: false, message: t("notFound") };
    const { pin } = await updatePublicationRecord(id.data, input);
    // The pin is audited on its own ("feature"/"unfeature"), with its dates.
    const { version: _v, authors: _a, featured: _f, ...fields } = input;
    await recordAudit({
      userId: user.id,
      action: "update",
      entityType: "publication",
      entityId: id.data,
      changes: diffFields(
        {
          ...before,
          authorIds: before.authors.map((a) => a.author.id),
          topicIds: before.topics.map((x) => x.topicId),
          regionIds: before.regions.map((x) => x.regionId),
        },
        { ...fields, authorIds: input.authors.map((a) => ("id" in a ? a.id : `${a.nameEn} (new)`)) },
      ),
    });
    await recordPinAudit(user.id, id.data, pin);
    // 4. Revalidate.
    revalidatePublicationPages([id.data]);
    revalidatePath(`/${locale}/admin/publications/${id.data}`);
    return { ok: true, message: t("saved"), version: input.version + 1 };
  } catch (e) {
    if (e instanceof ConflictError) return { ok: false, message: t("conflict") };
    if (e instanceof DuplicateReportNumberError)
      return { ok: false, message: t("fixErrors"), fieldErrors: { reportNumber: [t("errors.reportNumberTaken")] } };
    throw e;
  }
}

export async function changePublicationStatus(
  locale: string,
  idParam: number,
  _prev: EditorState,
  formData: FormData,
): Promise<EditorState> {
  const t = await tFor(locale);
  // 1. Parse.
  const parsed = statusChangeSchema.safeParse(Object.fromEntries(formData));
  const id = publicationIdSchema.safeParse(idParam);
  if (!parsed.success || !id.success) return { ok: false, message: t("fixErrors") };
  // 2. Authorize.
  const user = await authorizeAction("publications:write");
  if (!user) return { ok: false, message: t("forbidden") };
  // 3. Act.
  const current = await getPublicationStatus(id.data);
  if (!current) return { ok: false, message: t("notFound") };
  const { status, publishAt, version } = parsed.data;
  const next = publishedAtAfter(current, status, publishAt);
  if (!next.ok) return { ok: false, message: t("fixErrors"), fieldErrors: { publishAt: [t(`errors.${next.error}`)] } };
  const { publishedAt } = next;
  try {
    await setPublicationStatus(id.data, version, status, publishedAt);
  } catch (e) {
    if (e instanceof ConflictError) return { ok: false, message: t("conflict") };
    throw e;
  }
  await recordAudit({
    userId: user.id,
    action: statusAuditAction[status],
    entityType: "publication",
    entityId: id.data,
    changes: diffFields({ status: current.status, publishedAt: current.publishedAt }, { status, publishedAt }),
  });
  // 4. Revalidate, and tell the alerts at once (the minute's schedule would, later; nothing waits for sending).
  revalidatePublicationPages([id.data]);
  revalidatePath(`/${locale}/admin/publications/${id.data}`);
  if (status === "published") await nudgeAnnouncement();
  return { ok: true, message: t(`status.done.${status}`), version: version + 1 };
}

export async function deletePublication(locale: string, idParam: number, _prev: EditorState): Promise<EditorState> {
  const t = await tFor(locale);
  const id = publicationIdSchema.safeParse(idParam);
  if (!id.success) return { ok: false, message: t("notFound") };
  const user = await authorizeAction("publications:write");
  if (!user) return { ok: false, message: t("forbidden") };
  const current = await getPublicationStatus(id.data);
  if (!current) return { ok: false, message: t("notFound") };
  if (!mayDelete(current.status)) return { ok: false, message: t("deletePublished") };
  const removed = await deletePublicationRecord(id.data);
  await Promise.all(
    removed.attachments.map((a) =>
      storage()
        .delete(a.storageKey)
        .catch(() => undefined),
    ),
  );
  await recordAudit({
    userId: user.id,
    action: "delete",
    entityType: "publication",
    entityId: id.data,
    changes: { title: [current.title, null] },
  });
  revalidatePublicationPages([id.data]);
  redirect(`/${locale}/admin/publications?deleted=1`);
}

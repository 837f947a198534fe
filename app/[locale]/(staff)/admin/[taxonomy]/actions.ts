"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { invalidForm, type ActionState } from "@/lib/actions/state";
import { authorizeAction, type StaffUser } from "@/lib/auth/session";
import { diffFields, recordAudit } from "@/lib/data/audit";
import { createTaxonomyTerm, deleteTaxonomyTerm, mergeTaxonomyTerms, renameTaxonomyTerm } from "@/lib/data/taxonomy";
import { localeOrDefault } from "@/lib/i18n/routing";
import { revalidateTaxonomyPages } from "@/lib/revalidation/reader-pages";
import {
  TAXONOMY_PATHS,
  taxonomyCreateSchema,
  taxonomyDeleteSchema,
  taxonomyKindSchema,
  taxonomyMergeSchema,
  taxonomyRenameSchema,
  type TaxonomyKind,
} from "@/lib/validations/taxonomy";

// Each action gets its kind from the page's `bind`; bound arguments come back from the browser, so it is parsed too.

async function tFor(locale: string) {
  return getTranslations({ locale: localeOrDefault(locale), namespace: "Taxonomy" });
}
type T = Awaited<ReturnType<typeof tFor>>;
type Step<I> = { refused: ActionState } | { t: T; user: StaffUser; kind: TaxonomyKind; input: I };

/** Steps 1 and 2 of every action here: parse the kind and the form, then authorize. */
async function parseAndAuthorize<S extends z.ZodType>(
  locale: string,
  kindArg: string,
  schema: S,
  formData: FormData,
): Promise<Step<z.output<S>>> {
  const t = await tFor(locale);
  const kind = taxonomyKindSchema.safeParse(kindArg);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!kind.success) return { refused: { ok: false, message: t("fixErrors") } };
  if (!parsed.success)
    return {
      refused: invalidForm(t("fixErrors"), parsed.error.issues, (c) =>
        t(`errors.${c}` as "errors.sameTarget", { kind: kind.data }),
      ),
    };
  const user = await authorizeAction("taxonomy:manage");
  if (!user) return { refused: { ok: false, message: t("forbidden") } };
  return { t, user, kind: kind.data, input: parsed.data };
}

const refusedField = (t: T, field: string, message: string): ActionState => ({
  ok: false,
  message: t("fixErrors"),
  fieldErrors: { [field]: [message] },
});

/** Step 4 of every action here: the reader pages showing these papers and facets, and this list. */
function revalidate(locale: string, kind: TaxonomyKind, publicationIds: readonly number[]) {
  revalidateTaxonomyPages(publicationIds);
  revalidatePath(`/${locale}/admin/${TAXONOMY_PATHS[kind]}`);
}

const nameIn = (locale: string, term: { nameKo: string; nameEn: string }) => (locale === "ko" ? term.nameKo : term.nameEn);

/** Adds a topic or region; the catalogue offers it as a filter within seconds. */
export async function createTerm(locale: string, kindArg: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const step = await parseAndAuthorize(locale, kindArg, taxonomyCreateSchema, formData);
  if ("refused" in step) return step.refused;
  const { t, user, kind, input } = step;
  const created = await createTaxonomyTerm(kind, input);
  if (!created.ok) return refusedField(t, "slug", t("errors.slugTaken", { kind }));
  await recordAudit({
    userId: user.id,
    action: "create",
    entityType: kind,
    entityId: created.term.id,
    changes: diffFields({}, input),
  });
  revalidate(locale, kind, []);
  return { ok: true, message: t("created", { name: nameIn(locale, input) }) };
}

/** New names in both languages, shown on the catalogue and on every paper that carries it. */
export async function renameTerm(locale: string, kindArg: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const step = await parseAndAuthorize(locale, kindArg, taxonomyRenameSchema, formData);
  if ("refused" in step) return step.refused;
  const { t, user, kind, input } = step;
  const { id, ...names } = input;
  const renamed = await renameTaxonomyTerm(kind, id, names);
  if (!renamed.ok) return { ok: false, message: t("notFound", { kind }) };
  await recordAudit({
    userId: user.id,
    action: "update",
    entityType: kind,
    entityId: id,
    changes: diffFields(renamed.before, names),
  });
  revalidate(locale, kind, renamed.publicationIds);
  return { ok: true, message: t("renamed", { name: nameIn(locale, names) }) };
}

/** Folds one term into another: its papers get the other, and it is deleted. */
export async function mergeTerms(locale: string, kindArg: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const step = await parseAndAuthorize(locale, kindArg, taxonomyMergeSchema, formData);
  if ("refused" in step) return step.refused;
  const { t, user, kind, input } = step;
  const merged = await mergeTaxonomyTerms(kind, input.sourceId, input.targetId);
  if (!merged.ok)
    return merged.reason === "sameTarget"
      ? refusedField(t, "targetId", t("errors.sameTarget", { kind }))
      : { ok: false, message: t("notFound", { kind }) };
  const { source, target, publicationIds } = merged;
  await recordAudit({
    userId: user.id,
    action: "merge",
    entityType: kind,
    entityId: source.id,
    changes: { slug: [source.slug, null], mergedInto: [null, target.slug], publicationIds: [publicationIds, null] },
  });
  revalidate(locale, kind, publicationIds);
  return {
    ok: true,
    message: t("merged", { source: nameIn(locale, source), target: nameIn(locale, target), count: publicationIds.length }),
  };
}

/** Deletes a term that no paper carries; one in use is refused, with how many papers use it. */
export async function deleteTerm(locale: string, kindArg: string, _prev: ActionState, formData: FormData): Promise<ActionState> {
  const step = await parseAndAuthorize(locale, kindArg, taxonomyDeleteSchema, formData);
  if ("refused" in step) return step.refused;
  const { t, user, kind, input } = step;
  const deleted = await deleteTaxonomyTerm(kind, input.id);
  if (!deleted.ok)
    return deleted.reason === "inUse"
      ? refusedField(t, "id", t("errors.inUse", { kind, count: deleted.papers }))
      : { ok: false, message: t("notFound", { kind }) };
  const { slug, nameKo, nameEn } = deleted.before;
  await recordAudit({
    userId: user.id,
    action: "delete",
    entityType: kind,
    entityId: input.id,
    changes: { slug: [slug, null], nameKo: [nameKo, null], nameEn: [nameEn, null] },
  });
  revalidate(locale, kind, []);
  return { ok: true, message: t("deleted", { name: nameIn(locale, deleted.before) }) };
}

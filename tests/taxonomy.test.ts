// Staff manage topics and regions: create, rename, merge, delete. The actions,
// data layer and database are the real ones; only the session, Next's cache
// revalidation and next-intl's request-bound loader are stood in.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { listTaxonomyTerms } from "@/lib/data/taxonomy";
import { taxonomyCreateSchema, taxonomyMergeSchema, type TaxonomyKind } from "@/lib/validations/taxonomy";
import { signInAs } from "./support/auth-session";
import { createPublication, createSeries, uid } from "./support/factories";

vi.mock("@/lib/auth", () => import("./support/auth-session"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));

const { createTerm, renameTerm, mergeTerms, deleteTerm } = await import("@/app/[locale]/(staff)/admin/[taxonomy]/actions");

let seriesId = 0;
beforeAll(async () => {
  const editor = await db.user.create({ data: { email: `taxonomy-${uid()}@test.test`, role: "EDITOR" }, select: { id: true } });
  signInAs(editor.id);
  seriesId = (await createSeries()).id;
});
beforeEach(() => vi.mocked(revalidatePath).mockClear());

function form(fields: Record<string, string | number>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, String(v));
  return f;
}

/** A term of this kind, made directly in the database. */
async function makeTerm(kind: TaxonomyKind) {
  const id = uid();
  const data = { slug: `term-${id}`, nameKo: `용어 ${id}`, nameEn: `Term ${id}` };
  return kind === "topic" ? db.topic.create({ data }) : db.region.create({ data });
}

/** A paper carrying these terms. */
async function paperWith(kind: TaxonomyKind, termIds: number[]) {
  const paper = await createPublication({ seriesId });
  for (const termId of termIds) {
    if (kind === "topic") await db.publicationTopic.create({ data: { publicationId: paper.id, topicId: termId } });
    else await db.publicationRegion.create({ data: { publicationId: paper.id, regionId: termId } });
  }
  return paper;
}

/** The ids of the terms this paper carries, in order. */
async function termsOf(kind: TaxonomyKind, publicationId: number) {
  const rows =
    kind === "topic"
      ? (await db.publicationTopic.findMany({ where: { publicationId } })).map((r) => r.topicId)
      : (await db.publicationRegion.findMany({ where: { publicationId } })).map((r) => r.regionId);
  return rows.sort((a, b) => a - b);
}

const findTerm = (kind: TaxonomyKind, id: number) =>
  kind === "topic" ? db.topic.findUnique({ where: { id } }) : db.region.findUnique({ where: { id } });

const lastAudit = (kind: TaxonomyKind, id: number) =>
  db.auditLog.findFirst({ where: { entityType: kind, entityId: String(id) }, orderBy: { id: "desc" } });

describe("the taxonomy forms' rules", () => {
  const problems = (input: Record<string, string>) =>
    taxonomyCreateSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

  it("trims the names and the slug", () => {
    expect(taxonomyCreateSchema.parse({ slug: " north-korea-2 ", nameKo: " 북한 ", nameEn: " North Korea " })).toEqual({
      slug: "north-korea-2",
      nameKo: "북한",
      nameEn: "North Korea",
    });
  });

  it("takes only lowercase letters, digits and hyphens, starting with a letter or digit, up to 64", () => {
    for (const slug of ["North-Korea", "north korea", "-north", "북한", "a_b"])
      expect(problems({ slug, nameKo: "가", nameEn: "A" })).toEqual([["slug", "slugFormat"]]);
    expect(problems({ slug: "a".repeat(65), nameKo: "가", nameEn: "A" })).toEqual([["slug", "tooLong"]]);
  });

  it("names every missing or over-long field", () => {
    expect(problems({ slug: "", nameKo: "  ", nameEn: "x".repeat(101) })).toEqual([
      ["nameKo", "required"],
      ["nameEn", "tooLong"],
      ["slug", "required"],
    ]);
  });

  it("refuses a merge into the same term, on the target field", () => {
    expect(taxonomyMergeSchema.safeParse({ sourceId: "7", targetId: "7" }).error?.issues).toMatchObject([
      { path: ["targetId"], message: "sameTarget" },
    ]);
  });
});

describe.each(["topic", "region"] as const)("managing %ss", (kind) => {
  it("creates one, audited, that the list shows with no papers", async () => {
    const slug = `new-${uid()}`;

    const result = await createTerm("en", kind, { ok: false }, form({ slug, nameKo: " 새 항목 ", nameEn: " New one " }));

    expect(result).toEqual({ ok: true, message: "Added New one. Readers see it within seconds." });
    const rows = await listTaxonomyTerms(kind);
    const made = rows.find((r) => r.slug === slug);
    expect(made).toMatchObject({ nameKo: "새 항목", nameEn: "New one", papers: 0 });
    expect(await lastAudit(kind, made?.id ?? 0)).toMatchObject({ action: "create", changes: { slug: [null, slug] } });
    expect(revalidatePath).toHaveBeenCalledWith("/en/publications");
  });

  it("refuses a slug already taken, on the slug field, and creates nothing", async () => {
    const taken = await makeTerm(kind);

    const result = await createTerm("en", kind, { ok: false }, form({ slug: taken.slug, nameKo: "다른", nameEn: "Other" }));

    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { slug: [`Another ${kind} already has this slug.`] },
    });
    expect(await findTerm(kind, taken.id)).toMatchObject({ nameEn: taken.nameEn });
    expect((await listTaxonomyTerms(kind)).filter((r) => r.slug === taken.slug)).toHaveLength(1);
  });

  it("refuses a bad slug and empty names, each on its field, and creates nothing", async () => {
    const before = (await listTaxonomyTerms(kind)).length;

    const result = await createTerm("en", kind, { ok: false }, form({ slug: "Bad Slug", nameKo: " ", nameEn: "" }));

    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: {
        slug: ["Use only lowercase letters a–z, digits and hyphens, starting with a letter or digit."],
        nameKo: ["This field is required."],
        nameEn: ["This field is required."],
      },
    });
    expect((await listTaxonomyTerms(kind)).length).toBe(before);
  });

  it("renames in both languages, keeps the slug, and refreshes the papers that carry it", async () => {
    const term = await makeTerm(kind);
    const paper = await paperWith(kind, [term.id]);

    const result = await renameTerm("en", kind, { ok: false }, form({ id: term.id, nameKo: "새 이름", nameEn: "New name" }));

    expect(result.ok).toBe(true);
    expect(await findTerm(kind, term.id)).toEqual({ id: term.id, slug: term.slug, nameKo: "새 이름", nameEn: "New name" });
    expect(await lastAudit(kind, term.id)).toMatchObject({ action: "update", changes: { nameEn: [term.nameEn, "New name"] } });
    expect(revalidatePath).toHaveBeenCalledWith(`/ko/publications/${paper.id}`);
    expect(revalidatePath).toHaveBeenCalledWith(`/en/admin/${kind}s`);
    // Every topic page too: each offers the catalogue's filters, regions and topics by name.
    expect(revalidatePath).toHaveBeenCalledWith("/[locale]/topics/[slug]", "page");
  });

  it("refuses a rename with empty names and keeps the old ones", async () => {
    const term = await makeTerm(kind);

    const result = await renameTerm("en", kind, { ok: false }, form({ id: term.id, nameKo: "", nameEn: " " }));

    expect(result.fieldErrors).toEqual({ nameKo: ["This field is required."], nameEn: ["This field is required."] });
    expect(await findTerm(kind, term.id)).toEqual(term);
  });

  it("merges: every paper of the source gets the target once, and the source is gone", async () => {
    const source = await makeTerm(kind);
    const target = await makeTerm(kind);
    const other = await makeTerm(kind);
    const onlySource = await paperWith(kind, [source.id, other.id]);
    const both = await paperWith(kind, [source.id, target.id]);
    const onlyTarget = await paperWith(kind, [target.id]);

    const result = await mergeTerms("en", kind, { ok: false }, form({ sourceId: source.id, targetId: target.id }));

    expect(result).toEqual({ ok: true, message: `Merged ${source.nameEn} into ${target.nameEn}; 2 papers had it.` });
    expect(await findTerm(kind, source.id)).toBeNull();
    expect(await termsOf(kind, onlySource.id)).toEqual([target.id, other.id].sort((a, b) => a - b));
    expect(await termsOf(kind, both.id)).toEqual([target.id]);
    expect(await termsOf(kind, onlyTarget.id)).toEqual([target.id]);
    expect((await listTaxonomyTerms(kind)).find((r) => r.id === target.id)?.papers).toBe(3);
    expect(await lastAudit(kind, source.id)).toMatchObject({ action: "merge", changes: { mergedInto: [null, target.slug] } });
    expect(revalidatePath).toHaveBeenCalledWith(`/en/publications/${onlySource.id}`);
  });

  it("refuses a merge into itself, on the target field, and changes nothing", async () => {
    const term = await makeTerm(kind);
    const paper = await paperWith(kind, [term.id]);

    const result = await mergeTerms("en", kind, { ok: false }, form({ sourceId: term.id, targetId: term.id }));

    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { targetId: [`It cannot be merged into itself: choose another ${kind}.`] },
    });
    expect(await findTerm(kind, term.id)).toEqual(term);
    expect(await termsOf(kind, paper.id)).toEqual([term.id]);
  });

  it("deletes one no paper carries", async () => {
    const term = await makeTerm(kind);

    const result = await deleteTerm("en", kind, { ok: false }, form({ id: term.id }));

    expect(result).toEqual({ ok: true, message: `Deleted ${term.nameEn}.` });
    expect(await findTerm(kind, term.id)).toBeNull();
    expect(await lastAudit(kind, term.id)).toMatchObject({ action: "delete", changes: { slug: [term.slug, null] } });
  });

  it("refuses to delete one in use, saying how many papers use it, in the page's language", async () => {
    const term = await makeTerm(kind);
    const papers = [await paperWith(kind, [term.id]), await paperWith(kind, [term.id])];

    const en = await deleteTerm("en", kind, { ok: false }, form({ id: term.id }));
    const ko = await deleteTerm("ko", kind, { ok: false }, form({ id: term.id }));

    expect(en.fieldErrors).toEqual({
      id: [`2 papers use this ${kind}, so it cannot be deleted: merge it into another instead.`],
    });
    expect(ko.fieldErrors?.id?.[0]).toMatch(/^간행물 2건이 이 (주제를|지역을) 쓰고 있어 삭제할 수 없습니다/);
    expect(await findTerm(kind, term.id)).toEqual(term);
    for (const p of papers) expect(await termsOf(kind, p.id)).toEqual([term.id]);
  });

  it("says so when the term is gone by the time the form is sent", async () => {
    const term = await makeTerm(kind);
    await deleteTerm("en", kind, { ok: false }, form({ id: term.id }));

    const result = await renameTerm("en", kind, { ok: false }, form({ id: term.id, nameKo: "가", nameEn: "A" }));

    expect(result).toEqual({ ok: false, message: `This ${kind} no longer exists. Reload the page.` });
  });
});

it("refuses a kind the pages do not have, whatever the browser sends back", async () => {
  const slug = `kind-${uid()}`;
  const result = await createTerm("en", "series", { ok: false }, form({ slug, nameKo: "가", nameEn: "A" }));
  expect(result.ok).toBe(false);
  expect(await db.topic.count({ where: { slug } })).toBe(0);
});

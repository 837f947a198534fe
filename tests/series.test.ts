// Series management by staff: the form's rules, the actions' answers and what
// they leave in the database and the audit log, and where an archived or
// hidden series still shows. Only the edges are stood in for: Auth.js's session
// lookup, Next's cache revalidation and next-intl's request-bound loader.
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getPublicPublication } from "@/lib/data/publications";
import { getSeriesBySlug, listNavigationSeries, listSeries, listSeriesForEditor } from "@/lib/data/series";
import { DEFAULT_REPORT_NUMBER_PATTERN, reportNumberMatches, seriesEditorSchema } from "@/lib/validations/series";
import { signInAs } from "./support/auth-session";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";

vi.mock("@/lib/auth", () => import("./support/auth-session"));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

const { saveSeries, setSeriesArchivedAction, deleteSeries } = await import("@/app/[locale]/(staff)/admin/series/actions");
const { savePublication } = await import("@/app/[locale]/(staff)/admin/publications/actions");
const { SiteHeader } = await import("@/components/site-header");

let editorId = "";
let authorId = 0;

beforeAll(async () => {
  editorId = (await db.user.create({ data: { email: `editor-${uid()}@series.test`, role: "EDITOR" } })).id;
  authorId = (await createAuthor()).id;
});

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

function seriesFields(over: Record<string, string> = {}) {
  const id = uid();
  return {
    slug: `policy-briefs-${id}`,
    nameKo: `정책 브리프 ${id}`,
    nameEn: `Policy Briefs ${id}`,
    descriptionKo: "짧은 정책 제언",
    descriptionEn: "Short policy advice",
    reportPrefix: "POLICY BRIEF",
    reportNumberPattern: DEFAULT_REPORT_NUMBER_PATTERN,
    sortOrder: "40",
    inNavigation: "on",
    ...over,
  };
}

/** "redirected to …" for an action that ends in a redirect, else its answer. */
async function run<T>(action: () => Promise<T>): Promise<T | string> {
  try {
    return await action();
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirected to ${digest.split(";")[2]}`;
    throw e;
  }
}

const lastAudit = (entityId: number) =>
  db.auditLog.findFirst({ where: { entityType: "series", entityId: String(entityId) }, orderBy: { id: "desc" } });

describe("the series form's rules", () => {
  const problems = (input: Record<string, string>) => {
    const parsed = seriesEditorSchema.safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("reads a ticked and an unticked navigation box", () => {
    expect(seriesEditorSchema.parse(seriesFields()).inNavigation).toBe(true);
    const { inNavigation: _n, ...unticked } = seriesFields();
    expect(seriesEditorSchema.parse(unticked).inNavigation).toBe(false);
  });

  it("names a bad address, a pattern that is no regular expression and a bad order", () => {
    expect(problems(seriesFields({ slug: "Policy Briefs", reportNumberPattern: "^(\\d{4}", sortOrder: "-1" }))).toEqual({
      slug: "slugFormat",
      reportNumberPattern: "patternInvalid",
      sortOrder: "sortOrder",
    });
    expect(problems(seriesFields({ slug: "-brief" }))).toEqual({ slug: "slugFormat" });
  });

  it("the default pattern accepts today's numbers, Korean and English, and nothing else", () => {
    for (const n of ["2024-14", "2024-14E", "2022-01", "2027-1K"])
      expect(reportNumberMatches(DEFAULT_REPORT_NUMBER_PATTERN, n)).toBe(true);
    for (const n of ["24-14", "2024-1234", "2024-14X", "RM-1", " 2024-14"])
      expect(reportNumberMatches(DEFAULT_REPORT_NUMBER_PATTERN, n)).toBe(false);
  });

  it("every report number of the demo seed fits the default pattern", async () => {
    const { papers } = await import("@/prisma/seed/data/publications");
    expect(papers.length).toBeGreaterThan(0);
    for (const p of papers) {
      expect(reportNumberMatches(DEFAULT_REPORT_NUMBER_PATTERN, p.number)).toBe(true);
      expect(reportNumberMatches(DEFAULT_REPORT_NUMBER_PATTERN, `${p.number}E`)).toBe(true);
    }
  });
});

describe("creating and editing a series", () => {
  it("creates the series, records who did it, and leads to its page", async () => {
    const fields = seriesFields();
    signInAs(editorId);
    const result = await run(() => saveSeries("en", null, { ok: false }, form(fields)));
    const made = await db.series.findUniqueOrThrow({ where: { slug: fields.slug } });
    expect(result).toBe(`redirected to /en/admin/series/${made.id}?created=1`);
    expect(made).toMatchObject({ nameEn: fields.nameEn, sortOrder: 40, inNavigation: true, archivedAt: null });
    expect(await lastAudit(made.id)).toMatchObject({ action: "create", userId: editorId });
  });

  it("saves changes and records them as before and after", async () => {
    const series = await createSeries();
    const fields = seriesFields({ slug: series.slug, nameEn: "Renamed", reportNumberPattern: "^PB-\\d+$" });
    const { inNavigation: _n, ...unticked } = fields;
    signInAs(editorId);
    const result = await saveSeries("en", series.id, { ok: false }, form(unticked));
    expect(result).toEqual({ ok: true, message: "Saved. Readers see the change within seconds." });
    expect(await db.series.findUniqueOrThrow({ where: { id: series.id } })).toMatchObject({
      nameEn: "Renamed",
      reportNumberPattern: "^PB-\\d+$",
      inNavigation: false,
    });
    const audit = await lastAudit(series.id);
    expect(audit?.action).toBe("update");
    expect(audit?.changes).toMatchObject({ nameEn: [series.nameEn, "Renamed"], inNavigation: [true, false] });
  });

  it("refuses an address another series has, on the address field, and creates nothing", async () => {
    const taken = await createSeries();
    const fields = seriesFields({ slug: taken.slug });
    signInAs(editorId);
    const result = await saveSeries("en", null, { ok: false }, form(fields));
    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { slug: ["Another series already uses this address."] },
    });
    // Counted by the refused form's own name, not the whole table: other test
    // files create series in the same database at the same time.
    expect(await db.series.count({ where: { nameEn: fields.nameEn } })).toBe(0);
    expect(await db.series.count({ where: { slug: taken.slug } })).toBe(1);
  });

  it("refuses to rename a series onto another's address and keeps its own", async () => {
    const [mine, theirs] = [await createSeries(), await createSeries()];
    signInAs(editorId);
    const result = await saveSeries("ko", mine.id, { ok: false }, form(seriesFields({ slug: theirs.slug })));
    expect(result.fieldErrors).toEqual({ slug: ["다른 시리즈가 이미 이 주소를 씁니다."] });
    expect((await db.series.findUniqueOrThrow({ where: { id: mine.id } })).slug).toBe(mine.slug);
  });

  it("answers a bad address and a broken pattern beside each field, in the page's language", async () => {
    const bad = seriesFields({ slug: "Policy_Briefs", reportNumberPattern: "[0-9" });
    signInAs(editorId);
    const en = await saveSeries("en", null, { ok: false }, form(bad));
    expect(en.fieldErrors).toEqual({
      slug: ["Use lowercase letters a–z, digits and single hyphens only, e.g. ifans-focus."],
      reportNumberPattern: ["This is not a valid regular expression."],
    });
    const ko = await saveSeries("ko", null, { ok: false }, form(bad));
    expect(ko.fieldErrors).toEqual({
      slug: ["영문 소문자 a–z, 숫자, 하이픈 하나씩만 쓸 수 있습니다. 예: ifans-focus."],
      reportNumberPattern: ["올바른 정규 표현식이 아닙니다."],
    });
    expect(await db.series.count({ where: { slug: "policy_briefs" } })).toBe(0);
  });
});

describe("archiving and deleting", () => {
  it("archives a series and brings it back, each audited", async () => {
    const series = await createSeries();
    signInAs(editorId);
    const archived = await setSeriesArchivedAction("en", series.id, { ok: false }, form({ archived: "true" }));
    expect(archived).toEqual({ ok: true, message: "The series is archived." });
    expect((await db.series.findUniqueOrThrow({ where: { id: series.id } })).archivedAt).toBeInstanceOf(Date);
    expect((await lastAudit(series.id))?.action).toBe("archive");

    const back = await setSeriesArchivedAction("en", series.id, { ok: false }, form({ archived: "false" }));
    expect(back.ok).toBe(true);
    expect((await db.series.findUniqueOrThrow({ where: { id: series.id } })).archivedAt).toBeNull();
    expect((await lastAudit(series.id))?.action).toBe("unarchive");
  });

  it("deletes a series without papers, audited, and returns to the list", async () => {
    const series = await createSeries();
    signInAs(editorId);
    const result = await run(() => deleteSeries("en", series.id, { ok: false }, form({ confirm: "on" })));
    expect(result).toBe("redirected to /en/admin/series?deleted=1");
    expect(await db.series.count({ where: { id: series.id } })).toBe(0);
    expect(await lastAudit(series.id)).toMatchObject({ action: "delete", userId: editorId });
  });

  it("refuses to delete a series with papers, on the confirmation field, and keeps it", async () => {
    const series = await createSeries();
    await createPublication({ seriesId: series.id, status: "draft", authorIds: [authorId] });
    signInAs(editorId);
    const result = await deleteSeries("en", series.id, { ok: false }, form({ confirm: "on" }));
    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { confirm: ["This series has 1 paper, so it cannot be deleted. Archive it instead."] },
    });
    expect(await db.series.count({ where: { id: series.id } })).toBe(1);
  });

  it("asks for the confirmation box before deleting anything", async () => {
    const series = await createSeries();
    signInAs(editorId);
    const result = await deleteSeries("en", series.id, { ok: false }, form({}));
    expect(result.fieldErrors).toEqual({ confirm: ["Tick the box to confirm."] });
    expect(await db.series.count({ where: { id: series.id } })).toBe(1);
  });
});

describe("where an archived or hidden series shows", () => {
  it("an archived series leaves the header, the catalogue filter and new papers' choice; its pages still work", async () => {
    const archived = await createSeries({ archivedAt: new Date() });
    const active = await createSeries();
    const paper = await createPublication({ seriesId: archived.id, authorIds: [authorId] });
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

    expect(ids(await listSeries())).toEqual(expect.arrayContaining([active.id]));
    expect(ids(await listSeries())).not.toContain(archived.id);
    expect(ids(await listNavigationSeries())).not.toContain(archived.id);
    expect(ids(await listSeriesForEditor())).not.toContain(archived.id);
    // A paper already in it keeps its series in the editor.
    expect(ids(await listSeriesForEditor(archived.id))).toContain(archived.id);
    expect(await getSeriesBySlug(archived.slug)).toMatchObject({ id: archived.id });
    expect(await getPublicPublication(paper.id)).toMatchObject({ id: paper.id, series: { slug: archived.slug } });

    const header = renderToStaticMarkup(await SiteHeader({ alternateHref: "/ko/publications" }));
    expect(header).toContain(`href="/en/series/${active.slug}"`);
    expect(header).not.toContain(archived.slug);
  });

  it("a series out of the navigation leaves the header only", async () => {
    const hidden = await createSeries({ inNavigation: false });
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
    expect(ids(await listNavigationSeries())).not.toContain(hidden.id);
    expect(ids(await listSeries())).toContain(hidden.id);
    expect(ids(await listSeriesForEditor())).toContain(hidden.id);
    expect(renderToStaticMarkup(await SiteHeader({ alternateHref: "/ko/publications" }))).not.toContain(hidden.slug);
  });
});

describe("the editor and the series' report number pattern", () => {
  function paperForm(seriesId: number, reportNumber: string, version = 0) {
    return form({
      seriesId: String(seriesId),
      reportNumber,
      language: "en",
      translationId: "",
      title: `Pattern ${uid()}`,
      subtitle: "",
      summary: "",
      body: "",
      authors: JSON.stringify([{ id: authorId }]),
      version: String(version),
    });
  }

  it("refuses a report number that does not fit, on the report number, in both languages", async () => {
    const series = await createSeries();
    signInAs(editorId);
    const en = await savePublication("en", null, { ok: false }, paperForm(series.id, "2024-1234"));
    expect(en.fieldErrors).toEqual({
      reportNumber: [`This report number does not fit the series' pattern: ${DEFAULT_REPORT_NUMBER_PATTERN}`],
    });
    const ko = await savePublication("ko", null, { ok: false }, paperForm(series.id, "2024-1234"));
    expect(ko.fieldErrors).toEqual({
      reportNumber: [`이 호수는 시리즈의 호수 형식에 맞지 않습니다: ${DEFAULT_REPORT_NUMBER_PATTERN}`],
    });
    expect(await db.publication.count({ where: { seriesId: series.id } })).toBe(0);
  });

  it("refuses the same on an existing paper's save, and keeps its number", async () => {
    const series = await createSeries({ reportNumberPattern: "^PB-\\d+$" });
    const paper = await createPublication({ seriesId: series.id, status: "draft", reportNumber: "PB-1", authorIds: [authorId] });
    signInAs(editorId);
    const result = await savePublication("en", paper.id, { ok: false }, paperForm(series.id, "2024-14", paper.version));
    expect(result.fieldErrors?.reportNumber).toEqual(["This report number does not fit the series' pattern: ^PB-\\d+$"]);
    expect((await db.publication.findUniqueOrThrow({ where: { id: paper.id } })).reportNumber).toBe("PB-1");
  });

  it("accepts a report number that fits", async () => {
    const series = await createSeries();
    signInAs(editorId);
    const result = await run(() => savePublication("en", null, { ok: false }, paperForm(series.id, "2025-07E")));
    expect(result).toMatch(/^redirected to \/en\/admin\/publications\/\d+\?created=1$/);
    expect(await db.publication.count({ where: { seriesId: series.id, reportNumber: "2025-07E" } })).toBe(1);
  });

  it("refuses a new paper in an archived series, on the series field", async () => {
    const series = await createSeries({ archivedAt: new Date() });
    signInAs(editorId);
    const result = await savePublication("en", null, { ok: false }, paperForm(series.id, "2025-08"));
    expect(result.fieldErrors).toEqual({ seriesId: ["This series is archived: choose another one for a new paper."] });
    expect(await db.publication.count({ where: { seriesId: series.id } })).toBe(0);
  });

  it("still saves a paper already in an archived series", async () => {
    const series = await createSeries({ archivedAt: new Date() });
    const paper = await createPublication({
      seriesId: series.id,
      status: "draft",
      reportNumber: "2020-01",
      authorIds: [authorId],
    });
    signInAs(editorId);
    const result = await savePublication("en", paper.id, { ok: false }, paperForm(series.id, "2020-01", paper.version));
    expect(result).toMatchObject({ ok: true, message: "Saved." });
  });
});

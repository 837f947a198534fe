// Every admin page, server action and route handler × {anonymous, ANALYST, EDITOR, ADMIN}.
// Only the edges are stood in for: Auth.js's session lookup (the user is chosen
// per case), Next's cache revalidation and next-intl's request-bound loader.
// Authorization, data access and the database are the real ones.
import { createHash } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { removeSiteImage } from "@/lib/site-settings/assets";
import { DEFAULT_FAVICON } from "@/lib/site-settings/default-favicon";
import { DEFAULT_SITE_SETTINGS } from "@/lib/site-settings/defaults";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";

let sessionUserId: string | null = null;
vi.mock("@/lib/auth", () => ({
  auth: vi.fn(() => Promise.resolve(sessionUserId ? { user: { id: sessionUserId } } : null)),
  signIn: vi.fn(() => Promise.resolve(undefined)),
  signOut: vi.fn(() => Promise.resolve(undefined)),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("@/lib/i18n/messages/en.json")).default;
  const translator = (opts?: string | { namespace?: string }) =>
    Promise.resolve(
      createTranslator({ locale: "en", messages, namespace: (typeof opts === "string" ? opts : opts?.namespace) as never }),
    );
  return {
    getTranslations: translator,
    getMessages: () => Promise.resolve(messages),
    getLocale: () => Promise.resolve("en"),
    setRequestLocale: () => undefined,
  };
});

const { savePublication, changePublicationStatus, deletePublication } =
  await import("@/app/[locale]/(staff)/admin/publications/actions");
const { inviteUser, changeUserRole, setUserActiveAction } = await import("@/app/[locale]/(staff)/admin/users/actions");
const { saveAuthor } = await import("@/app/[locale]/(staff)/admin/authors/actions");
const { createTerm, renameTerm, mergeTerms, deleteTerm } = await import("@/app/[locale]/(staff)/admin/[taxonomy]/actions");
const { saveSeries, setSeriesArchivedAction, deleteSeries } = await import("@/app/[locale]/(staff)/admin/series/actions");
const { createRedirectRuleAction, deleteRedirectRuleAction } = await import("@/app/[locale]/(staff)/admin/redirects/actions");
const { saveSiteSettings, removeSiteImageAction } = await import("@/app/[locale]/(staff)/admin/settings/actions");
const attachments = await import("@/app/api/admin/publications/[id]/attachments/route");
const siteImage = await import("@/app/api/site/[kind]/route");
const attachment = await import("@/app/api/admin/publications/[id]/attachments/[attachmentId]/route");
const pages = {
  "/admin": (await import("@/app/[locale]/(staff)/admin/page")).default,
  "/admin/publications": (await import("@/app/[locale]/(staff)/admin/publications/page")).default,
  "/admin/publications/new": (await import("@/app/[locale]/(staff)/admin/publications/new/page")).default,
  "/admin/publications/[id]": (await import("@/app/[locale]/(staff)/admin/publications/[id]/page")).default,
  "/admin/authors": (await import("@/app/[locale]/(staff)/admin/authors/page")).default,
  "/admin/authors/[id]": (await import("@/app/[locale]/(staff)/admin/authors/[id]/page")).default,
  "/admin/topics": (await import("@/app/[locale]/(staff)/admin/[taxonomy]/page")).default,
  "/admin/regions": (await import("@/app/[locale]/(staff)/admin/[taxonomy]/page")).default,
  "/admin/series": (await import("@/app/[locale]/(staff)/admin/series/page")).default,
  "/admin/series/new": (await import("@/app/[locale]/(staff)/admin/series/new/page")).default,
  "/admin/series/[id]": (await import("@/app/[locale]/(staff)/admin/series/[id]/page")).default,
  "/admin/redirects": (await import("@/app/[locale]/(staff)/admin/redirects/page")).default,
  "/admin/users": (await import("@/app/[locale]/(staff)/admin/users/page")).default,
  "/admin/audit": (await import("@/app/[locale]/(staff)/admin/audit/page")).default,
  "/admin/email-log": (await import("@/app/[locale]/(staff)/admin/email-log/page")).default,
  "/admin/imports": (await import("@/app/[locale]/(staff)/admin/imports/page")).default,
  "/admin/stats": (await import("@/app/[locale]/(staff)/admin/stats/page")).default,
  "/admin/stats/publications/[id]": (await import("@/app/[locale]/(staff)/admin/stats/publications/[id]/page")).default,
  "/admin/settings": (await import("@/app/[locale]/(staff)/admin/settings/page")).default,
  "/admin/alerts": (await import("@/app/[locale]/(staff)/admin/alerts/page")).default,
};
const adminLayout = (await import("@/app/[locale]/(staff)/admin/layout")).default;
const statsExport = await import("@/app/[locale]/(staff)/admin/stats/export/[table]/route");
const alertsExport = await import("@/app/[locale]/(staff)/admin/alerts/export/route");
const { removeAlertAddress } = await import("@/app/[locale]/(staff)/admin/alerts/actions");

const ROLES = [null, "ANALYST", "EDITOR", "ADMIN"] as const;
type Who = (typeof ROLES)[number];
const users: Record<Role, string> = { ADMIN: "", EDITOR: "", ANALYST: "" };
let seriesId = 0;
let authorId = 0;

const as = (who: Who) => {
  sessionUserId = who ? users[who] : null;
};
const allowedFor = (roles: readonly Role[]) => (who: Who) => who !== null && roles.includes(who);

/** A redirect thrown by a page: where it leads. */
/** "rendered", or the path a redirect leads to. */
async function pageOutcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "rendered";
  } catch (e) {
    const digest = (e as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2] ?? "redirect";
    throw e;
  }
}

async function actionOutcome(run: () => Promise<{ ok: boolean; message?: string }>) {
  try {
    return await run();
  } catch (e) {
    if ((e as { digest?: string }).digest?.startsWith("NEXT_REDIRECT")) return { ok: true, message: "redirected" };
    throw e;
  }
}

function form(fields: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) f.append(k, x);
  return f;
}

async function draft() {
  return createPublication({ seriesId, status: "draft", authorIds: [authorId] });
}

function editorForm(title: string, version: number) {
  return form({
    seriesId: String(seriesId),
    reportNumber: `RM-${uid()}`,
    language: "en",
    translationId: "",
    title,
    subtitle: "",
    summary: "",
    body: "## One",
    authors: JSON.stringify([{ id: authorId }]),
    version: String(version),
  });
}

beforeAll(async () => {
  for (const role of ["ADMIN", "EDITOR", "ANALYST"] as const) {
    users[role] = (
      await db.user.create({ data: { email: `${role.toLowerCase()}-${uid()}@matrix.test`, role }, select: { id: true } })
    ).id;
  }
  // The matrix's own numbers ("RM-…") are this series' pattern.
  seriesId = (await createSeries({ reportNumberPattern: "^RM-[0-9a-f]{8}$" })).id;
  authorId = (await createAuthor()).id;
});

describe("the permission table", () => {
  it("gives analysts statistics only, editors publishing, administrators everything", () => {
    expect(PERMISSIONS).toEqual({
      "users:manage": ["ADMIN"],
      "audit:read": ["ADMIN"],
      "settings:manage": ["ADMIN"],
      "publications:write": ["ADMIN", "EDITOR"],
      "taxonomy:manage": ["ADMIN", "EDITOR"],
      "series:manage": ["ADMIN", "EDITOR"],
      "redirects:manage": ["ADMIN", "EDITOR"],
      "stats:read": ["ADMIN", "EDITOR", "ANALYST"],
      "alerts:read": ["ADMIN", "ANALYST"],
      "alerts:manage": ["ADMIN"],
      "admin:enter": ["ADMIN", "EDITOR", "ANALYST"],
    });
  });
});

describe.each(ROLES)("as %s", (who) => {
  // The design, written out rather than read from PERMISSIONS, so a wrong table fails here too.
  const editors = allowedFor(["EDITOR", "ADMIN"])(who);
  const admins = allowedFor(["ADMIN"])(who);

  it.each(Object.keys(pages) as (keyof typeof pages)[])("page %s", async (path) => {
    const p = await draft();
    as(who);
    const render = pages[path] as (props: unknown) => Promise<unknown>;
    const id = path.startsWith("/admin/authors/") ? authorId : path.startsWith("/admin/series/") ? seriesId : p.id;
    const outcome = await pageOutcome(() =>
      render({
        params: Promise.resolve({ locale: "en", id: String(id), taxonomy: path.split("/")[2] }),
        searchParams: Promise.resolve({}),
      }),
    );
    const layout = await pageOutcome(() => adminLayout({ children: null, params: Promise.resolve({ locale: "en" }) }));
    const staff: readonly Role[] = ["ANALYST", "EDITOR", "ADMIN"];
    const designed: Record<keyof typeof pages, readonly Role[]> = {
      "/admin": staff,
      "/admin/publications": ["EDITOR", "ADMIN"],
      "/admin/publications/new": ["EDITOR", "ADMIN"],
      "/admin/publications/[id]": ["EDITOR", "ADMIN"],
      "/admin/authors": ["EDITOR", "ADMIN"],
      "/admin/authors/[id]": ["EDITOR", "ADMIN"],
      "/admin/topics": ["EDITOR", "ADMIN"],
      "/admin/regions": ["EDITOR", "ADMIN"],
      "/admin/series": ["EDITOR", "ADMIN"],
      "/admin/series/new": ["EDITOR", "ADMIN"],
      "/admin/series/[id]": ["EDITOR", "ADMIN"],
      "/admin/redirects": ["EDITOR", "ADMIN"],
      "/admin/users": ["ADMIN"],
      "/admin/audit": ["ADMIN"],
      "/admin/email-log": ["ADMIN"],
      "/admin/imports": ["ADMIN"],
      "/admin/stats": staff,
      "/admin/stats/publications/[id]": staff,
      "/admin/settings": ["ADMIN"],
      // Counts of readers' subscriptions: not the editors' business.
      "/admin/alerts": ["ANALYST", "ADMIN"],
    };
    const allowed = allowedFor(designed[path])(who);
    if (allowed) expect(outcome).toBe("rendered");
    else expect(outcome).toMatch(/^\/en\/sign-in\?/);
    if (who === null) expect(layout).toMatch(/^\/en\/sign-in\?callbackUrl=/);
    else expect(layout).toBe("rendered");
  });

  it("action savePublication (create)", async () => {
    const title = `Matrix create ${uid()}`;
    as(who);
    const result = await actionOutcome(() => savePublication("en", null, { ok: false }, editorForm(title, 0)));
    const created = await db.publication.count({ where: { title } });
    expect({ ok: result.ok, created }).toEqual(editors ? { ok: true, created: 1 } : { ok: false, created: 0 });
    if (!editors) expect(result.message).toBe("You are not allowed to do this.");
  });

  it("action savePublication (update)", async () => {
    const p = await draft();
    as(who);
    const result = await actionOutcome(() => savePublication("en", p.id, { ok: false }, editorForm("Changed", p.version)));
    const after = await db.publication.findUniqueOrThrow({ where: { id: p.id } });
    expect({ ok: result.ok, title: after.title }).toEqual(
      editors ? { ok: true, title: "Changed" } : { ok: false, title: p.title },
    );
  });

  it("action changePublicationStatus", async () => {
    const p = await draft();
    as(who);
    const result = await actionOutcome(() =>
      changePublicationStatus("en", p.id, { ok: false }, form({ status: "published", version: String(p.version) })),
    );
    const after = await db.publication.findUniqueOrThrow({ where: { id: p.id } });
    expect({ ok: result.ok, status: after.status }).toEqual(
      editors ? { ok: true, status: "published" } : { ok: false, status: "draft" },
    );
  });

  it("action deletePublication", async () => {
    const p = await draft();
    as(who);
    const result = await actionOutcome(() => deletePublication("en", p.id, { ok: false }));
    const left = await db.publication.count({ where: { id: p.id } });
    expect({ ok: result.ok, left }).toEqual(editors ? { ok: true, left: 0 } : { ok: false, left: 1 });
  });

  it("action saveAuthor", async () => {
    const author = await createAuthor();
    const version = (await db.author.findUniqueOrThrow({ where: { id: author.id } })).updatedAt.toISOString();
    const profile = {
      nameKo: "새 이름",
      nameEn: `Renamed ${uid()}`,
      positionKo: "",
      positionEn: "",
      affiliationKo: "",
      affiliationEn: "",
    };
    as(who);
    const result = await actionOutcome(() =>
      saveAuthor("en", author.id, { ok: false }, form({ ...profile, bioKo: "", bioEn: "", version })),
    );
    const after = await db.author.findUniqueOrThrow({ where: { id: author.id } });
    expect({ ok: result.ok, nameEn: after.nameEn }).toEqual(
      editors ? { ok: true, nameEn: profile.nameEn } : { ok: false, nameEn: author.nameEn },
    );
    if (!editors) expect(result.message).toBe("You are not allowed to do this.");
  });

  const seriesForm = (slug: string, nameEn: string) =>
    form({
      slug,
      nameKo: "시리즈",
      nameEn,
      descriptionKo: "",
      descriptionEn: "",
      reportPrefix: "MATRIX",
      reportNumberPattern: "^\\d{4}-\\d{1,3}$",
      sortOrder: "5",
      inNavigation: "on",
    });

  it("action saveSeries (create)", async () => {
    const slug = `matrix-${uid()}`;
    as(who);
    const result = await actionOutcome(() => saveSeries("en", null, { ok: false }, seriesForm(slug, "Matrix")));
    const created = await db.series.count({ where: { slug } });
    expect({ ok: result.ok, created }).toEqual(editors ? { ok: true, created: 1 } : { ok: false, created: 0 });
    if (!editors) expect(result.message).toBe("You are not allowed to do this.");
  });

  it("action saveSeries (update)", async () => {
    const series = await createSeries();
    const nameEn = `Renamed ${uid()}`;
    as(who);
    const result = await actionOutcome(() => saveSeries("en", series.id, { ok: false }, seriesForm(series.slug, nameEn)));
    const after = await db.series.findUniqueOrThrow({ where: { id: series.id } });
    expect({ ok: result.ok, nameEn: after.nameEn, sortOrder: after.sortOrder }).toEqual(
      editors ? { ok: true, nameEn, sortOrder: 5 } : { ok: false, nameEn: series.nameEn, sortOrder: series.sortOrder },
    );
  });

  it("action setSeriesArchived", async () => {
    const series = await createSeries();
    as(who);
    const result = await actionOutcome(() => setSeriesArchivedAction("en", series.id, { ok: false }, form({ archived: "true" })));
    const after = await db.series.findUniqueOrThrow({ where: { id: series.id } });
    expect({ ok: result.ok, archived: after.archivedAt !== null }).toEqual(
      editors ? { ok: true, archived: true } : { ok: false, archived: false },
    );
  });

  it("action deleteSeries", async () => {
    const series = await createSeries();
    as(who);
    const result = await actionOutcome(() => deleteSeries("en", series.id, { ok: false }, form({ confirm: "on" })));
    const left = await db.series.count({ where: { id: series.id } });
    expect({ ok: result.ok, left }).toEqual(editors ? { ok: true, left: 0 } : { ok: false, left: 1 });
    if (!editors) expect(await db.auditLog.count({ where: { entityType: "series", entityId: String(series.id) } })).toBe(0);
  });

  it("action createRedirectRule", async () => {
    const fromPath = `/matrix-${uid()}/list.do`;
    as(who);
    const result = await actionOutcome(() =>
      createRedirectRuleAction("en", { ok: false }, form({ fromPath, toPath: "/en/publications" })),
    );
    const created = await db.redirectRule.count({ where: { fromPath } });
    expect({ ok: result.ok, created }).toEqual(editors ? { ok: true, created: 1 } : { ok: false, created: 0 });
    if (!editors) expect(result.message).toBe("You are not allowed to do this.");
  });

  it("action deleteRedirectRule", async () => {
    const rule = await db.redirectRule.create({ data: { fromPath: `/matrix-${uid()}/*`, toPath: "/en/publications" } });
    as(who);
    const result = await actionOutcome(() => deleteRedirectRuleAction("en", { ok: false }, form({ id: String(rule.id) })));
    const left = await db.redirectRule.count({ where: { id: rule.id } });
    expect({ ok: result.ok, left }).toEqual(editors ? { ok: true, left: 0 } : { ok: false, left: 1 });
    if (!editors) expect(await db.auditLog.count({ where: { entityType: "redirect", entityId: String(rule.id) } })).toBe(0);
  });

  const topic = () => db.topic.create({ data: { slug: `matrix-${uid()}`, nameKo: "주제", nameEn: `Topic ${uid()}` } });

  it.each(["topic", "region"] as const)("action createTerm (%s)", async (kind) => {
    const slug = `matrix-${uid()}`;
    as(who);
    const result = await actionOutcome(() => createTerm("en", kind, { ok: false }, form({ slug, nameKo: "새", nameEn: "New" })));
    const created = await (kind === "topic" ? db.topic.count({ where: { slug } }) : db.region.count({ where: { slug } }));
    expect({ ok: result.ok, created }).toEqual(editors ? { ok: true, created: 1 } : { ok: false, created: 0 });
    if (!editors) expect(result.message).toBe("You are not allowed to do this.");
  });

  it("action renameTerm", async () => {
    const term = await topic();
    as(who);
    const result = await actionOutcome(() =>
      renameTerm("en", "topic", { ok: false }, form({ id: String(term.id), nameKo: "바뀐 이름", nameEn: "Renamed" })),
    );
    const after = await db.topic.findUniqueOrThrow({ where: { id: term.id } });
    expect({ ok: result.ok, nameEn: after.nameEn }).toEqual(
      editors ? { ok: true, nameEn: "Renamed" } : { ok: false, nameEn: term.nameEn },
    );
  });

  it("action mergeTerms", async () => {
    const [source, target] = [await topic(), await topic()];
    const p = await draft();
    await db.publicationTopic.create({ data: { publicationId: p.id, topicId: source.id } });
    as(who);
    const result = await actionOutcome(() =>
      mergeTerms("en", "topic", { ok: false }, form({ sourceId: String(source.id), targetId: String(target.id) })),
    );
    const links = (await db.publicationTopic.findMany({ where: { publicationId: p.id } })).map((l) => l.topicId);
    const sourceLeft = await db.topic.count({ where: { id: source.id } });
    expect({ ok: result.ok, links, sourceLeft }).toEqual(
      editors ? { ok: true, links: [target.id], sourceLeft: 0 } : { ok: false, links: [source.id], sourceLeft: 1 },
    );
  });

  it("action deleteTerm", async () => {
    const term = await topic();
    as(who);
    const result = await actionOutcome(() => deleteTerm("en", "topic", { ok: false }, form({ id: String(term.id) })));
    const left = await db.topic.count({ where: { id: term.id } });
    expect({ ok: result.ok, left }).toEqual(editors ? { ok: true, left: 0 } : { ok: false, left: 1 });
    if (!editors) expect(await db.auditLog.count({ where: { entityType: "topic", entityId: String(term.id) } })).toBe(0);
  });

  it("action inviteUser", async () => {
    const email = `invited-${uid()}@matrix.test`;
    as(who);
    const result = await actionOutcome(() => inviteUser("en", { ok: false }, form({ email, role: "EDITOR" })));
    const made = await db.user.count({ where: { email } });
    expect({ ok: result.ok, made }).toEqual(admins ? { ok: true, made: 1 } : { ok: false, made: 0 });
  });

  it("action changeUserRole", async () => {
    const target = await db.user.create({ data: { email: `target-${uid()}@matrix.test`, role: "ANALYST" } });
    as(who);
    const result = await actionOutcome(() => changeUserRole("en", { ok: false }, form({ userId: target.id, role: "EDITOR" })));
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect({ ok: result.ok, role: after.role }).toEqual(admins ? { ok: true, role: "EDITOR" } : { ok: false, role: "ANALYST" });
  });

  it("action setUserActive (deactivate)", async () => {
    const target = await db.user.create({ data: { email: `target-${uid()}@matrix.test`, role: "EDITOR" } });
    as(who);
    const result = await actionOutcome(() =>
      setUserActiveAction("en", { ok: false }, form({ userId: target.id, active: "false" })),
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect({ ok: result.ok, deactivated: after.deactivatedAt !== null }).toEqual(
      admins ? { ok: true, deactivated: true } : { ok: false, deactivated: false },
    );
  });

  const expectedStatus = who === null ? 401 : editors ? "ok" : 403;
  const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
  const ctxOf = (id: number, attachmentId: number) => ({
    params: Promise.resolve({ id: String(id), attachmentId: String(attachmentId) }),
  });
  const pdfBytes = async () => {
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.create();
    doc.addPage().drawText(uid());
    return Buffer.from(await doc.save());
  };
  const upload = (bytes: Buffer) => ({
    method: "POST",
    body: new Uint8Array(bytes),
    headers: { "content-type": "application/pdf", "x-file-name": "matrix.pdf" },
  });

  it("handler GET attachments", async () => {
    const p = await draft();
    as(who);
    const res = await attachments.GET(new Request("http://localhost/x"), ctx(p.id));
    expect(res.status === 200 ? "ok" : res.status).toBe(expectedStatus);
  });

  it("handler POST attachments", async () => {
    const p = await draft();
    as(who);
    const res = await attachments.POST(new Request("http://localhost/x", upload(await pdfBytes())), ctx(p.id));
    const stored = await db.attachment.count({ where: { publicationId: p.id } });
    expect([res.status < 300 ? "ok" : res.status, stored]).toEqual([expectedStatus, editors ? 1 : 0]);
  });

  it("handler GET stats export", async () => {
    as(who);
    const res = await statsExport.GET(new Request("http://localhost/en/admin/stats/export/daily?preset=7d"), {
      params: Promise.resolve({ locale: "en", table: "daily" }),
    });
    expect(res.status).toBe(who === null ? 401 : 200);
  });

  it("handler GET alert subscribers (CSV)", async () => {
    as(who);
    const res = await alertsExport.GET(new Request("http://localhost/en/admin/alerts/export"), {
      params: Promise.resolve({ locale: "en" }),
    });
    expect(res.status).toBe(who === null ? 401 : admins ? 200 : 403);
  });

  it("action removeAlertAddress", async () => {
    const email = `matrix-${uid()}@example.org`;
    await db.alertSubscriber.create({ data: { email, locale: "en", everything: true, confirmedAt: new Date() } });
    as(who);
    const result = await actionOutcome(() => removeAlertAddress("en", { ok: false }, form({ email })));
    const left = await db.alertSubscriber.count({ where: { email } });
    expect({ ok: result.ok, left }).toEqual(admins ? { ok: true, left: 0 } : { ok: false, left: 1 });
  });

  it("handler PUT and DELETE attachment", async () => {
    const p = await draft();
    as("EDITOR");
    const first = await pdfBytes();
    const made = (await (await attachments.POST(new Request("http://localhost/x", upload(first)), ctx(p.id))).json()) as {
      attachment: { id: number };
    };
    as(who);
    const put = await attachment.PUT(
      new Request("http://localhost/x", { ...upload(await pdfBytes()), method: "PUT" }),
      ctxOf(p.id, made.attachment.id),
    );
    const afterPut = await db.attachment.findUniqueOrThrow({ where: { id: made.attachment.id } });
    expect(put.status < 300 ? "ok" : put.status).toBe(expectedStatus);
    expect(afterPut.sha256 === createHash("sha256").update(first).digest("hex")).toBe(!editors);
    const del = await attachment.DELETE(new Request("http://localhost/x", { method: "DELETE" }), ctxOf(p.id, made.attachment.id));
    expect(del.status < 300 ? "ok" : del.status).toBe(expectedStatus);
    expect(await db.attachment.count({ where: { id: made.attachment.id } })).toBe(editors ? 0 : 1);
  });
});

// The site settings are one row and one image per kind that other test files
// read: the matrix saves the neutral defaults (what those files expect) and
// uses the favicon, which none of them shows, and leaves neither behind.
describe.each(ROLES)("site settings as %s", (who) => {
  const admins = allowedFor(["ADMIN"])(who);
  const d = DEFAULT_SITE_SETTINGS;
  const defaults = {
    institutionNameKo: d.institutionName.ko,
    institutionNameEn: d.institutionName.en,
    shortNameKo: d.shortName.ko,
    shortNameEn: d.shortName.en,
    siteTitleKo: d.siteTitle.ko,
    siteTitleEn: d.siteTitle.en,
    taglineKo: d.tagline.ko,
    taglineEn: d.tagline.en,
    ...Object.fromEntries(
      [
        "addressKo",
        "addressEn",
        "phone",
        "email",
        "websiteUrl",
        "privacyKo",
        "privacyEn",
        "accessibilityKo",
        "accessibilityEn",
      ].map((name) => [name, ""]),
    ),
  };
  const settingsAudits = () => db.auditLog.count({ where: { entityType: "site-settings" } });
  const favicon = () => db.siteAsset.findUnique({ where: { kind: "favicon" }, select: { sha256: true } });
  const putFavicon = () =>
    siteImage.PUT(
      new Request("http://localhost/api/site/favicon?locale=en", { method: "PUT", body: new Uint8Array(DEFAULT_FAVICON.bytes) }),
      {
        params: Promise.resolve({ kind: "favicon" }),
      },
    );
  const getFavicon = () =>
    siteImage.GET(new Request("http://localhost/api/site/favicon"), { params: Promise.resolve({ kind: "favicon" }) });

  afterEach(async () => {
    await removeSiteImage("favicon");
    await db.siteSettings.deleteMany();
  });

  it("action saveSiteSettings", async () => {
    const audits = await settingsAudits();
    as(who);
    const result = await actionOutcome(() => saveSiteSettings("en", { ok: false }, form(defaults)));
    const saved = await db.siteSettings.count();
    expect({ ok: result.ok, saved, audits: (await settingsAudits()) - audits }).toEqual(
      admins ? { ok: true, saved: 1, audits: 1 } : { ok: false, saved: 0, audits: 0 },
    );
    if (!admins) expect(result.message).toBe("You are not allowed to do this.");
  });

  it("handler PUT site image, and GET for everyone", async () => {
    as(who);
    const put = await putFavicon();
    expect(put.status < 300 ? "ok" : put.status).toBe(who === null ? 401 : admins ? "ok" : 403);
    expect(await favicon()).toEqual(admins ? { sha256: createHash("sha256").update(DEFAULT_FAVICON.bytes).digest("hex") } : null);
    expect((await getFavicon()).status).toBe(admins ? 200 : 404);
  });

  it("action removeSiteImage", async () => {
    as("ADMIN");
    expect((await putFavicon()).status).toBe(200);
    as(who);
    const result = await actionOutcome(() => removeSiteImageAction("en", "favicon", { ok: false }));
    expect({ ok: result.ok, left: (await favicon()) !== null }).toEqual(
      admins ? { ok: true, left: false } : { ok: false, left: true },
    );
    expect((await getFavicon()).status).toBe(admins ? 404 : 200);
  });
});

describe("bad input, from someone allowed to act", () => {
  it("an invitation with a bad address and no role names both fields, in words, and creates nobody", async () => {
    as("ADMIN");
    const result = await inviteUser("en", { ok: false }, form({ email: "not-an-address", role: "OWNER" }));
    expect(result).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { email: ["Enter a valid email address."], role: ["Choose a role."] },
    });
    // By the refused address, not the whole table: other test files create users at the same time.
    expect(await db.user.count({ where: { email: { contains: "not-an-address" } } })).toBe(0);
  });

  it("an author saved without a Korean name, or from a stale copy, keeps the profile as it was", async () => {
    const author = await createAuthor();
    const fields = {
      nameKo: " ",
      nameEn: "Changed",
      positionKo: "",
      positionEn: "",
      affiliationKo: "",
      affiliationEn: "",
      bioKo: "",
      bioEn: "",
    };
    as("EDITOR");
    const empty = await saveAuthor("en", author.id, { ok: false }, form({ ...fields, version: author.updatedAt.toISOString() }));
    expect(empty).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: { nameKo: ["This field is required."] },
    });
    const stale = await saveAuthor(
      "en",
      author.id,
      { ok: false },
      form({ ...fields, nameKo: "이름", version: new Date(0).toISOString() }),
    );
    expect(stale.ok).toBe(false);
    expect(stale.message).toMatch(/^Someone else saved this author/);
    expect((await db.author.findUniqueOrThrow({ where: { id: author.id } })).nameEn).toBe(author.nameEn);
  });
});

// Site settings by admins: the form's rules, saving and its audit, images
// checked by their bytes (an SVG parsed, refused when it runs script or loads
// anything, stored sanitized), their upload route, how they are served, and
// /favicon.ico. The settings are one row and one image per kind, so this file
// runs on a database of its own. Only the edges are stood in for: Auth.js's
// session lookup, Next's cache revalidation and next-intl's request-bound loader.
import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { createDatabase } from "./support/databases";
import { uid } from "./support/factories";

const fresh = await createDatabase("perspectives_site_settings");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();

vi.mock("@/lib/auth", () => import("./support/auth-session"));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

const { db, endPools } = await import("@/lib/db");
const { signInAs } = await import("./support/auth-session");
const { saveSiteSettings, removeSiteImageAction } = await import("@/app/[locale]/(staff)/admin/settings/actions");
const siteRoute = await import("@/app/api/site/[kind]/route");
const faviconRoute = await import("@/app/favicon.ico/route");
const { getSiteSettings } = await import("@/lib/data/site-settings");
const { storage } = await import("@/lib/storage");
const { prepareSiteImage } = await import("@/lib/site-settings/images");
const { DEFAULT_FAVICON } = await import("@/lib/site-settings/default-favicon");
const { DEFAULT_SITE_SETTINGS } = await import("@/lib/site-settings/defaults");
const { siteSettingsSchema, siteSettingsFormValues } = await import("@/lib/validations/site-settings");

let adminId = "";

beforeAll(async () => {
  adminId = (await db.user.create({ data: { email: `admin-${uid()}@settings.test`, role: "ADMIN" } })).id;
});

afterAll(async () => {
  await endPools();
  await fresh.drop();
});

// ---------------------------------------------------------------- fixtures

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A real PNG of this size; `noise` makes it incompressible, so its file is about width × height × 3 bytes. */
function png(width: number, height: number, { noise = false } = {}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc(height * (width * 3 + 1), 0x80);
  if (noise) for (let i = 0; i < rows.length; i++) rows[i] = (i * 2654435761) >>> 24;
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: noise ? 0 : 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of a baseline JPEG: enough for its format and size, which is all the portal reads of one. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]);
  const sof = Buffer.from([
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    0x03,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
  ]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

/** An ICO holding one PNG image; `truncate` cuts the image short of what the directory says. */
function ico(size: number, { truncate = false } = {}): Buffer {
  const image = png(size, size);
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(1, 4);
  header[6] = size % 256;
  header[7] = size % 256;
  header.writeUInt16LE(1, 10);
  header.writeUInt16LE(32, 12);
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(22, 18);
  return Buffer.concat([header, truncate ? image.subarray(0, 20) : image]);
}

const svg = (body: string, attributes = 'width="120" height="40" viewBox="0 0 120 40"') =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${body}</svg>`,
  );

const WORDMARK = '<rect width="120" height="40" fill="#114477"/><text x="8" y="27" fill="#fff">LOGO</text>';

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

function settingsFields(over: Record<string, string> = {}): Record<string, string> {
  return {
    institutionNameKo: "한빛정책연구원",
    institutionNameEn: "Hanbit Policy Institute",
    shortNameKo: "한빛",
    shortNameEn: "Hanbit",
    siteTitleKo: "한빛 브리프",
    siteTitleEn: "Hanbit Briefs",
    taglineKo: "",
    taglineEn: "Policy papers from Hanbit",
    addressKo: "",
    addressEn: "1 Example-ro, Seoul",
    phone: "+82 2-123-4567",
    email: "info@hanbit.example",
    websiteUrl: "https://www.hanbit.example/",
    socialNetwork0: "youtube",
    socialUrl0: "https://www.youtube.com/@hanbit",
    privacyKo: "",
    privacyEn: "We never sell readers' data.",
    accessibilityKo: "",
    accessibilityEn: "",
    ...over,
  };
}

const lastAudit = (entityType: "site-settings" | "site-asset", entityId: string) =>
  db.auditLog.findFirst({ where: { entityType, entityId }, orderBy: { id: "desc" } });

type Answer = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

/** PUT /api/site/{slug}: the bytes, whatever the request claims they are. */
type RequestOptions = { locale?: string; query?: string; headers?: Record<string, string>; method?: "GET" | "HEAD" };

async function upload(slug: string, bytes: Uint8Array, { locale = "en", headers = {} }: RequestOptions = {}) {
  const request = new Request(`http://localhost/api/site/${slug}?locale=${locale}`, {
    method: "PUT",
    body: new Uint8Array(bytes),
    headers,
  });
  const response = await siteRoute.PUT(request, { params: Promise.resolve({ kind: slug }) });
  const json = response.headers.get("content-type")?.startsWith("application/json");
  return { status: response.status, body: (json ? await response.json() : await response.text()) as Answer };
}

function get(slug: string, { query = "", headers = {}, method = "GET" }: RequestOptions = {}) {
  const request = new Request(`http://localhost/api/site/${slug}${query}`, { method, headers });
  const handler = method === "HEAD" ? siteRoute.HEAD : siteRoute.GET;
  return handler(request, { params: Promise.resolve({ kind: slug }) });
}

const storedRow = (kind: "logo" | "favicon" | "shareImage") => db.siteAsset.findUnique({ where: { kind } });

// ---------------------------------------------------------------- the form

describe("the settings form's rules", () => {
  const problems = (over: Record<string, string>) => {
    const parsed = siteSettingsSchema.safeParse(siteSettingsFormValues(form(settingsFields(over))));
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("reads a good form: trimmed names, Markdown with LF line ends, the social rows filled in, in order", () => {
    const parsed = siteSettingsSchema.parse(
      siteSettingsFormValues(
        form(
          settingsFields({
            institutionNameEn: "  Hanbit Policy Institute ",
            privacyEn: "# Privacy\r\n\r\nNone sold.",
            socialNetwork0: "",
            socialUrl0: "",
            socialNetwork2: "x",
            socialUrl2: "https://x.com/hanbit",
            socialNetwork4: "naver-blog",
            socialUrl4: "https://blog.naver.com/hanbit",
          }),
        ),
      ),
    );
    expect(parsed.institutionNameEn).toBe("Hanbit Policy Institute");
    expect(parsed.privacyEn).toBe("# Privacy\n\nNone sold.");
    expect(parsed.socialLinks).toEqual([
      { network: "x", url: "https://x.com/hanbit" },
      { network: "naver-blog", url: "https://blog.naver.com/hanbit" },
    ]);
  });

  it("names each bad field, all at once", () => {
    expect(
      problems({
        institutionNameEn: " ",
        siteTitleKo: "한빛\n브리프",
        email: "not-an-address",
        websiteUrl: "ftp://hanbit.example/",
        phone: "call us",
        taglineEn: "nul\u0000here",
        privacyEn: "x".repeat(20_001),
        socialNetwork1: "",
        socialUrl1: "https://x.com/hanbit",
        socialNetwork2: "facebook",
        socialUrl2: "http://facebook.com/hanbit",
        socialNetwork3: "myspace",
        socialUrl3: "https://myspace.com/hanbit",
        socialNetwork4: "threads",
        socialUrl4: "",
      }),
    ).toEqual({
      institutionNameEn: "required",
      siteTitleKo: "lineBreak",
      email: "invalidEmail",
      websiteUrl: "urlFormat",
      phone: "phoneFormat",
      taglineEn: "invalid",
      privacyEn: "tooLong",
      socialNetwork1: "networkRequired",
      socialUrl2: "httpsFormat",
      socialNetwork3: "invalid",
      socialUrl4: "required",
    });
  });

  it("takes only absolute http(s) addresses for the website", () => {
    for (const bad of [
      "javascript:alert(1)",
      "www.hanbit.example",
      "/about",
      "https://user:pass@hanbit.example/",
      "data:text/html,x",
    ])
      expect(problems({ websiteUrl: bad }), bad).toEqual({ websiteUrl: "urlFormat" });
    expect(problems({ websiteUrl: "http://hanbit.example/" })).toEqual({});
    expect(problems({ websiteUrl: "", email: "" })).toEqual({});
  });
});

describe("saving the settings", () => {
  it("saves them, readers get them, and the audit log has each changed field as before and after", async () => {
    signInAs(adminId);
    const result = await saveSiteSettings("en", { ok: false }, form(settingsFields()));
    expect(result).toEqual({ ok: true, message: "Saved. Readers see the change within seconds." });
    const site = await getSiteSettings();
    expect(site.institutionName).toEqual({ ko: "한빛정책연구원", en: "Hanbit Policy Institute" });
    expect(site.socialLinks).toEqual([{ network: "youtube", url: "https://www.youtube.com/@hanbit" }]);
    expect(site.updatedAt).not.toBeNull();
    const audit = await lastAudit("site-settings", "1");
    expect(audit).toMatchObject({ action: "update", userId: adminId });
    expect(audit?.changes).toMatchObject({
      institutionNameEn: [DEFAULT_SITE_SETTINGS.institutionName.en, "Hanbit Policy Institute"],
      email: ["", "info@hanbit.example"],
    });
    // Unchanged from the defaults: not in the diff.
    expect(Object.keys(audit?.changes ?? {})).not.toContain("addressKo");

    const again = await saveSiteSettings("en", { ok: false }, form(settingsFields({ siteTitleEn: "Hanbit Papers" })));
    expect(again.ok).toBe(true);
    expect((await lastAudit("site-settings", "1"))?.changes).toEqual({ siteTitleEn: ["Hanbit Briefs", "Hanbit Papers"] });
  });

  it("refuses a bad email and a non-https social address, in the page's language, and keeps what was saved", async () => {
    signInAs(adminId);
    await saveSiteSettings("en", { ok: false }, form(settingsFields()));
    const bad = settingsFields({ institutionNameEn: "Changed", email: "info@", socialUrl0: "javascript:alert(1)" });
    expect(await saveSiteSettings("en", { ok: false }, form(bad))).toEqual({
      ok: false,
      message: "Please correct the fields marked below.",
      fieldErrors: {
        email: ["Enter a valid email address, e.g. info@example.org."],
        socialUrl0: ["Enter a full address starting with https://."],
      },
    });
    const ko = await saveSiteSettings("ko", { ok: false }, form(bad));
    expect(ko.fieldErrors?.email).toEqual(["올바른 이메일 주소를 입력하세요. 예: info@example.org"]);
    expect((await getSiteSettings()).institutionName.en).toBe("Hanbit Policy Institute");
  });
});

// ---------------------------------------------------------------- images, by their bytes

describe("checking an image by its bytes", () => {
  const problem = (kind: "logo" | "favicon" | "shareImage", bytes: Buffer) => {
    const checked = prepareSiteImage(kind, bytes);
    return checked.ok ? null : checked.problem;
  };

  it("accepts a PNG logo, an SVG logo, an ICO favicon and a JPEG share image, with their sizes", () => {
    const cases = [
      ["logo", png(240, 80), "image/png", 240, 80],
      ["logo", svg(WORDMARK), "image/svg+xml", 120, 40],
      ["favicon", ico(32), "image/x-icon", 32, 32],
      ["shareImage", jpeg(1200, 630), "image/jpeg", 1200, 630],
    ] as const;
    for (const [kind, bytes, mediaType, width, height] of cases) {
      const checked = prepareSiteImage(kind, bytes);
      expect(checked.ok && checked.image, `${kind} ${mediaType}`).toMatchObject({ mediaType, width, height });
    }
  });

  it("refuses an SVG with a script element", () => {
    expect(problem("logo", svg(`${WORDMARK}<script>alert(document.cookie)</script>`))).toEqual({
      code: "svgScript",
      detail: "<script>",
    });
  });

  it("refuses an SVG with an event handler attribute", () => {
    expect(problem("logo", svg('<rect width="10" height="10" onload="alert(1)"/>'))).toEqual({
      code: "svgScript",
      detail: 'onload="…"',
    });
    expect(problem("favicon", svg("", 'width="32" height="32" onclick="alert(1)"'))).toMatchObject({ code: "svgScript" });
  });

  it("refuses a javascript: link, however it is disguised", () => {
    for (const href of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)"])
      expect(problem("logo", svg(`<a href="${href}"><text>x</text></a>`)), href).toMatchObject({ code: "svgScript" });
  });

  it("refuses embedded HTML", () => {
    const foreign = '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml">hi</div></foreignObject>';
    expect(problem("logo", svg(foreign))).toEqual({ code: "svgForeignObject" });
  });

  it("refuses references outside the file: images, uses, style sheets, CSS urls", () => {
    const cases = [
      '<image href="https://tracker.example/pixel.png" width="1" height="1"/>',
      '<use xlink:href="https://cdn.example/sprite.svg#logo"/>',
      '<style>rect { fill: url("https://cdn.example/paint.svg#p") }</style>',
      "<style>@import url(https://cdn.example/x.css);</style>",
      '<rect width="1" height="1" style="fill:url(//cdn.example/p.svg#a)"/>',
      // CSS escapes spell the same functions.
      '<rect width="1" height="1" style="fill:u\\72l(https://cdn.example/p.svg#a)"/>',
      '<style>@\\69mport "https://cdn.example/x.css";</style>',
      '<rect width="1" height="1" style="mask-image:image-set(\'https://cdn.example/m.png\' 1x)"/>',
    ];
    for (const body of cases) expect(problem("logo", svg(body)), body).toMatchObject({ code: "svgExternal" });
    const stylesheet = Buffer.from(
      `<?xml version="1.0"?>\n<?xml-stylesheet href="https://cdn.example/x.css"?>\n<svg xmlns="http://www.w3.org/2000/svg">${WORDMARK}</svg>`,
    );
    expect(problem("logo", stylesheet)).toMatchObject({ code: "svgExternal" });
  });

  it("refuses entity declarations and SVG that is not well-formed", () => {
    const laughs =
      '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg">&b;</svg>';
    expect(problem("logo", Buffer.from(laughs))).toEqual({ code: "svgEntities" });
    expect(problem("logo", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>'))).toEqual({
      code: "svgMalformed",
    });
  });

  it("refuses a logo over 512 KB, however good the picture", () => {
    const big = png(450, 450, { noise: true });
    expect(big.length).toBeGreaterThan(512 * 1024);
    expect(problem("logo", big)).toEqual({ code: "tooLarge", limit: 512 * 1024 });
  });

  it("goes by the bytes: a JPEG is no logo, an SVG no share image, text no image at all", () => {
    expect(problem("logo", jpeg(300, 100))).toEqual({ code: "type", found: "jpg" });
    expect(problem("shareImage", svg(WORDMARK))).toEqual({ code: "type", found: "svg" });
    expect(problem("favicon", Buffer.from("GIF89a\x10\x00\x10\x00\x00\x00\x00;", "latin1"))).toEqual({
      code: "type",
      found: "gif",
    });
    expect(problem("logo", Buffer.from("just some text, named logo.png"))).toEqual({ code: "type", found: null });
    expect(problem("logo", Buffer.from("<html><body>not an svg</body></html>"))).toEqual({ code: "type", found: null });
  });

  it("refuses a damaged file and a share image too small for link previews", () => {
    expect(problem("logo", png(64, 64).subarray(0, 60))).toEqual({ code: "corrupt" });
    expect(problem("favicon", ico(32, { truncate: true }))).toEqual({ code: "corrupt" });
    expect(problem("shareImage", png(199, 400))).toEqual({ code: "tooSmall", width: 199, height: 400, min: 200 });
    expect(problem("shareImage", png(200, 200))).toBeNull();
  });
});

describe("sanitizing an accepted SVG", () => {
  it("keeps the drawing and its internal references, drops comments and editor metadata", () => {
    const drawn = svg(
      `<!-- exported by an editor -->` +
        `<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#fff"/>` +
        `<defs><linearGradient id="g"><stop offset="0" stop-color="#114477"/></linearGradient><path id="p" d="M0 0h10v10z"/></defs>` +
        `<rect width="120" height="40" fill="url(#g)"/><use xlink:href="#p"/><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>`,
    );
    const checked = prepareSiteImage("logo", drawn);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problem));
    const stored = checked.image.bytes.toString("utf8");
    expect(stored).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const kept of ['fill="url(#g)"', 'xlink:href="#p"', "<linearGradient", 'href="data:image/png;base64,'])
      expect(stored).toContain(kept);
    for (const dropped of ["exported by an editor", "sodipodi"]) expect(stored).not.toContain(dropped);
    // What is stored passes the check itself.
    expect(prepareSiteImage("logo", checked.image.bytes).ok).toBe(true);
  });
});

// ---------------------------------------------------------------- the upload route and serving

describe("uploading an image (PUT /api/site/{kind})", () => {
  it("stores a PNG sent as “logo.svg”, image/svg+xml, as the PNG it is, and records the upload", async () => {
    await db.siteAsset.deleteMany({ where: { kind: "logo" } });
    signInAs(adminId);
    const bytes = png(240, 80);
    const answer = await upload("logo", bytes, { headers: { "content-type": "image/svg+xml", "x-file-name": "logo.svg" } });
    expect(answer).toEqual({ status: 200, body: { ok: true, message: "Uploaded. Readers see the new image within seconds." } });
    const row = await storedRow("logo");
    expect(row).toMatchObject({ mediaType: "image/png", byteSize: bytes.length, sha256: sha256(bytes), width: 240, height: 80 });
    const stored = Buffer.concat(await (await storage().read(row!.storageKey)).toArray());
    expect(stored.equals(bytes)).toBe(true);
    expect(await lastAudit("site-asset", "logo")).toMatchObject({
      action: "upload",
      userId: adminId,
      changes: { mediaType: [null, "image/png"], sha256: [null, sha256(bytes)] },
    });
    expect((await getSiteSettings()).assets.logo).toEqual({
      mediaType: "image/png",
      width: 240,
      height: 80,
      version: sha256(bytes).slice(0, 12),
    });
  });

  it("replaces an image: the row points at the new bytes, the old object is deleted", async () => {
    signInAs(adminId);
    await upload("logo", png(100, 50));
    const old = await storedRow("logo");
    const answer = await upload("logo", svg(WORDMARK));
    expect(answer.status).toBe(200);
    const row = await storedRow("logo");
    expect(row).toMatchObject({ mediaType: "image/svg+xml", width: 120, height: 40 });
    expect(await storage().stat(old!.storageKey)).toBeNull();
    expect(await storage().stat(row!.storageKey)).not.toBeNull();
    expect(await lastAudit("site-asset", "logo")).toMatchObject({
      action: "replace",
      changes: { mediaType: ["image/png", "image/svg+xml"], sha256: [old!.sha256, row!.sha256] },
    });
  });

  it("refuses an SVG with script on the file field, in English and Korean, and keeps the image there was", async () => {
    signInAs(adminId);
    await upload("logo", png(100, 50));
    const before = await storedRow("logo");
    const evil = svg(`${WORDMARK}<script>alert(1)</script>`);
    expect(await upload("logo", evil)).toEqual({
      status: 400,
      body: {
        ok: false,
        message: "Please correct the fields marked below.",
        fieldErrors: {
          file: [
            "The SVG contains script (<script>), which is not allowed. Export it again without scripts, event attributes or javascript: links.",
          ],
        },
      },
    });
    const ko = await upload("logo", svg('<rect onload="alert(1)"/>'), { locale: "ko" });
    expect(ko.body.fieldErrors?.file).toEqual([
      'SVG에 스크립트(onload="…")가 있어 받을 수 없습니다. 스크립트, 이벤트 속성, javascript: 링크 없이 다시 내보내세요.',
    ]);
    expect(await storedRow("logo")).toEqual(before);
  });

  it("refuses what the kind does not take, and an oversize file, each on the file field", async () => {
    signInAs(adminId);
    const jpegLogo = await upload("logo", jpeg(300, 100));
    expect(jpegLogo.status).toBe(400);
    expect(jpegLogo.body.fieldErrors?.file).toEqual([
      "Only SVG or PNG images are accepted here, and this file is not one. Its content was checked, not its name.",
    ]);
    const big = await upload("favicon", png(400, 400, { noise: true }));
    expect(big.status).toBe(413);
    expect(big.body.fieldErrors?.file).toEqual(["The file is larger than 256 KB, the limit for this image."]);
    const empty = await upload("favicon", new Uint8Array(0));
    expect(empty.body.fieldErrors?.file).toEqual(["The file is empty."]);
    expect(await storedRow("favicon")).toBeNull();
  });

  it("answers an unknown kind with 404 and a signed-out upload with 401", async () => {
    signInAs(adminId);
    expect((await upload("banner", png(10, 10))).status).toBe(404);
    signInAs(null);
    expect(await upload("logo", png(10, 10))).toEqual({
      status: 401,
      body: { ok: false, message: "Your session has ended. Sign in again, then retry." },
    });
  });
});

describe("serving an image (GET /api/site/{kind})", () => {
  it("serves the bytes with their type, nosniff, an ETag, and caches for ever only under the current version", async () => {
    signInAs(adminId);
    const bytes = png(300, 100);
    await upload("logo", bytes);
    const version = sha256(bytes).slice(0, 12);

    const versioned = await get("logo", { query: `?v=${version}` });
    expect(versioned.status).toBe(200);
    expect(Buffer.from(await versioned.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Object.fromEntries(versioned.headers)).toMatchObject({
      "content-type": "image/png",
      "content-length": String(bytes.length),
      "x-content-type-options": "nosniff",
      etag: `"${sha256(bytes)}"`,
      "cache-control": "public, max-age=31536000, immutable",
    });
    expect(versioned.headers.get("content-security-policy")).toBeNull();
    for (const query of ["", "?v=000000000000"])
      expect((await get("logo", { query })).headers.get("cache-control"), query).toBe("public, max-age=300");

    const head = await get("logo", { method: "HEAD" });
    expect([head.status, head.headers.get("content-type"), await head.text()]).toEqual([200, "image/png", ""]);
    const again = await get("logo", { headers: { "if-none-match": `"${sha256(bytes)}"` } });
    expect(again.status).toBe(304);
  });

  it("serves an SVG under a policy that runs nothing and loads nothing", async () => {
    signInAs(adminId);
    await upload("logo", svg(WORDMARK));
    const res = await get("logo");
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await res.text()).toContain('<text x="8" y="27"');
  });

  it("answers 404 for a kind with no image, an unknown kind, and a removed image, whose bytes are deleted", async () => {
    signInAs(adminId);
    await db.siteAsset.deleteMany({ where: { kind: "shareImage" } });
    expect((await get("share-image")).status).toBe(404);
    expect((await get("banner")).status).toBe(404);

    await upload("share-image", jpeg(1200, 630));
    const row = await storedRow("shareImage");
    expect((await get("share-image")).headers.get("content-type")).toBe("image/jpeg");
    expect(await removeSiteImageAction("en", "shareImage", { ok: false })).toEqual({
      ok: true,
      message: "Removed. Readers see the change within seconds.",
    });
    expect((await get("share-image")).status).toBe(404);
    expect(await storage().stat(row!.storageKey)).toBeNull();
    expect(await lastAudit("site-asset", "shareImage")).toMatchObject({
      action: "remove",
      userId: adminId,
      changes: { mediaType: ["image/jpeg", null], sha256: [row!.sha256, null] },
    });
    expect(await removeSiteImageAction("en", "shareImage", { ok: false })).toEqual({
      ok: false,
      message: "There is no image to remove.",
    });
  });
});

describe("/favicon.ico", () => {
  const favicon = (query = "", method: "GET" | "HEAD" = "GET") =>
    (method === "GET" ? faviconRoute.GET : faviconRoute.HEAD)(new Request(`http://localhost/favicon.ico${query}`, { method }));

  it("is the portal's built-in icon while none is uploaded", async () => {
    await db.siteAsset.deleteMany({ where: { kind: "favicon" } });
    const res = await favicon();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(DEFAULT_FAVICON.bytes)).toBe(true);
    expect(prepareSiteImage("favicon", DEFAULT_FAVICON.bytes)).toMatchObject({ ok: true, image: { width: 32, height: 32 } });
    const head = await favicon("", "HEAD");
    expect([head.status, head.headers.get("content-type")]).toEqual([200, "image/png"]);
  });

  it("is the uploaded icon once there is one, cached for ever under its version", async () => {
    signInAs(adminId);
    const bytes = ico(48);
    expect((await upload("favicon", bytes)).status).toBe(200);
    const res = await favicon(`?v=${sha256(bytes).slice(0, 12)}`);
    expect(res.headers.get("content-type")).toBe("image/x-icon");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("falls back to the built-in icon when the uploaded one's bytes are gone", async () => {
    signInAs(adminId);
    await upload("favicon", png(32, 32));
    const row = await storedRow("favicon");
    await storage().delete(row!.storageKey);
    const res = await favicon();
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(DEFAULT_FAVICON.bytes)).toBe(true);
    expect((await get("favicon")).status).toBe(404);
  });
});

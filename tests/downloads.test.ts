import { createHash } from "node:crypto";
import { parse as parseDisposition } from "content-disposition";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as citeRoute } from "@/app/[locale]/(site)/publications/[id]/cite/[format]/route";
import { GET as fileRoute, HEAD as fileHeadRoute } from "@/app/[locale]/(site)/publications/[id]/files/[attachmentId]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { asciiFileName, attachmentDisposition } from "@/lib/http/content-disposition";
import { selectRange } from "@/lib/http/ranges";
import { newStorageKey, storage } from "@/lib/storage";
import { generatePdf } from "@/prisma/seed/pdf";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";

const FILE_NAME = "IFANS PERSPECTIVES 2024-14E(최우선).pdf";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

type Ids = { id: number | string; attachmentId: number | string; locale?: string };

function fileRequest({ id, attachmentId, locale = "en" }: Ids, headers: HeadersInit = {}, method = "GET", query = "") {
  const request = new Request(`http://localhost/${locale}/publications/${id}/files/${attachmentId}${query}`, {
    method,
    headers,
  });
  const context = { params: Promise.resolve({ locale, id: String(id), attachmentId: String(attachmentId) }) };
  return method === "HEAD" ? fileHeadRoute(request, context) : fileRoute(request, context);
}

function citeRequest(id: number | string, format: string, locale = "en") {
  const request = new Request(`http://localhost/${locale}/publications/${id}/cite/${format}`);
  return citeRoute(request, { params: Promise.resolve({ locale, id: String(id), format }) });
}

const bodyBytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());

async function createAttachment(publicationId: number, bytes: Buffer, fileName = FILE_NAME, { store = true } = {}) {
  const storageKey = newStorageKey();
  if (store) await storage().put(storageKey, bytes);
  return db.attachment.create({
    data: {
      publicationId,
      fileName,
      byteSize: bytes.length,
      sha256: sha256(bytes),
      mediaType: "application/pdf",
      storageKey,
      createdAt: new Date("2024-12-31T00:00:00.250Z"),
    },
  });
}

describe("attachment downloads", () => {
  let pdf: Buffer;
  let publicationId: number;
  let attachment: Awaited<ReturnType<typeof createAttachment>>;

  beforeAll(async () => {
    const generated = await generatePdf({
      label: "IFANS PERSPECTIVES 2024-14E",
      seriesName: "IFANS Perspectives",
      title: "The North Korea-Russia Alliance and Korea’s Policy",
      authors: ["CHOI Wooseon"],
      date: "2024-12-31",
      summary: "A test paper.",
      body: "## One\n\nText.\n\n## Two\n\nMore text.",
      language: "en",
    });
    pdf = generated.bytes;
    const series = await createSeries();
    const author = await createAuthor({ nameEn: "CHOI Wooseon", nameKo: "최우선" });
    const publication = await createPublication({ seriesId: series.id, authorIds: [author.id], reportNumber: `2024-${uid()}E` });
    publicationId = publication.id;
    attachment = await createAttachment(publicationId, pdf);
  });

  const ids = () => ({ id: publicationId, attachmentId: attachment.id });

  it("streams the whole file with its validators and download headers", async () => {
    const response = await fileRequest(ids());
    expect(response.status).toBe(200);
    const h = response.headers;
    expect(h.get("content-type")).toBe("application/pdf");
    expect(h.get("content-length")).toBe(String(pdf.length));
    expect(h.get("etag")).toBe(`"${attachment.sha256}"`);
    expect(h.get("last-modified")).toBe("Tue, 31 Dec 2024 00:00:00 GMT");
    expect(h.get("accept-ranges")).toBe("bytes");
    expect(h.get("cache-control")).toMatch(/must-revalidate|no-cache/);
    expect(h.get("x-content-type-options")).toBe("nosniff");
    const body = await bodyBytes(response);
    expect(body.length).toBe(pdf.length);
    expect(sha256(body)).toBe(attachment.sha256);
    expect(Buffer.from(body.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
  });

  it("opens a PDF in the browser's viewer with ?view=inline, and saves it otherwise", async () => {
    const disposition = async (query: string) =>
      parseDisposition((await fileRequest(ids(), {}, "GET", query)).headers.get("content-disposition") ?? "");
    expect(await disposition("?view=inline")).toMatchObject({ type: "inline", parameters: { filename: FILE_NAME } });
    for (const query of ["", "?view=download", "?view=INLINE", "?view"])
      expect((await disposition(query)).type).toBe("attachment");
  });

  it("names the file in UTF-8 for browsers and in ASCII for old clients", async () => {
    const header = (await fileRequest(ids())).headers.get("content-disposition") ?? "";
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment;/);
    // The raw header carries both parameters; the extended one is RFC 5987 percent-encoded UTF-8.
    const extended = /filename\*=UTF-8''([^;\s]+)/i.exec(header)?.[1];
    expect(extended).toBeDefined();
    expect(decodeURIComponent(extended!)).toBe(FILE_NAME);
    expect(decodeURIComponent(extended!)).toBe(FILE_NAME.normalize("NFC"));
    const fallback = /filename="([^"]*)"/i.exec(header)?.[1];
    expect(fallback).toBeDefined();
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback).toMatch(/^IFANS PERSPECTIVES 2024-14E\(.*\)\.pdf$/);
    // A standard parser prefers filename* and recovers the Korean name.
    expect(parseDisposition(header).parameters.filename).toBe(FILE_NAME);
  });

  it("answers a byte range with 206 and exactly those bytes", async () => {
    const response = await fileRequest(ids(), { Range: "bytes=0-99" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 0-99/${pdf.length}`);
    expect(response.headers.get("content-length")).toBe("100");
    const body = await bodyBytes(response);
    expect(Buffer.from(body).equals(pdf.subarray(0, 100))).toBe(true);
  });

  it("answers an open-ended range from the offset to the end", async () => {
    const response = await fileRequest(ids(), { Range: `bytes=${pdf.length - 25}-` });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${pdf.length - 25}-${pdf.length - 1}/${pdf.length}`);
    expect(Buffer.from(await bodyBytes(response)).equals(pdf.subarray(pdf.length - 25))).toBe(true);
  });

  it("answers a suffix range with the last bytes", async () => {
    const response = await fileRequest(ids(), { Range: "bytes=-10" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${pdf.length - 10}-${pdf.length - 1}/${pdf.length}`);
    expect(response.headers.get("content-length")).toBe("10");
    expect(Buffer.from(await bodyBytes(response)).equals(pdf.subarray(-10))).toBe(true);
  });

  it("treats a suffix longer than the file as the whole file", async () => {
    const response = await fileRequest(ids(), { Range: `bytes=-${pdf.length + 1000}` });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes 0-${pdf.length - 1}/${pdf.length}`);
    expect(sha256(await bodyBytes(response))).toBe(attachment.sha256);
  });

  it("refuses a range that starts past the end with 416", async () => {
    const response = await fileRequest(ids(), { Range: "bytes=999999999-" });
    expect(response.status).toBe(416);
    expect(response.headers.get("content-range")).toBe(`bytes */${pdf.length}`);
  });

  it.each(["bytes=abc", "bytes=1-2-3", "pages=0-10", "bytes", "bytes=0-9,20-29"])(
    "ignores a malformed or multi-range header (%s) and sends the whole file",
    async (range) => {
      const response = await fileRequest(ids(), { Range: range });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-range")).toBeNull();
      expect(sha256(await bodyBytes(response))).toBe(attachment.sha256);
    },
  );

  it("sends the whole file when If-Range names another version", async () => {
    const response = await fileRequest(ids(), { Range: "bytes=0-99", "If-Range": `"${"0".repeat(64)}"` });
    expect(response.status).toBe(200);
    expect(sha256(await bodyBytes(response))).toBe(attachment.sha256);
    const matching = await fileRequest(ids(), { Range: "bytes=0-99", "If-Range": `"${attachment.sha256}"` });
    expect(matching.status).toBe(206);
    await matching.body?.cancel();
  });

  it("answers 304 when the reader's copy is current", async () => {
    const byEtag = await fileRequest(ids(), { "If-None-Match": `"${attachment.sha256}"` });
    expect(byEtag.status).toBe(304);
    expect(byEtag.headers.get("etag")).toBe(`"${attachment.sha256}"`);
    expect(await byEtag.text()).toBe("");
    const byWeakEtagInList = await fileRequest(ids(), { "If-None-Match": `"other", W/"${attachment.sha256}"` });
    expect(byWeakEtagInList.status).toBe(304);
    const byDate = await fileRequest(ids(), { "If-Modified-Since": "Tue, 31 Dec 2024 00:00:00 GMT" });
    expect(byDate.status).toBe(304);
  });

  it("sends the file when the reader's copy is stale", async () => {
    const otherEtag = await fileRequest(ids(), {
      "If-None-Match": '"stale"',
      "If-Modified-Since": "Wed, 01 Jan 2025 00:00:00 GMT",
    });
    expect(otherEtag.status).toBe(200);
    await otherEtag.body?.cancel();
    const older = await fileRequest(ids(), { "If-Modified-Since": "Mon, 30 Dec 2024 23:59:59 GMT" });
    expect(older.status).toBe(200);
    await older.body?.cancel();
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await fileRequest(ids(), {}, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(pdf.length));
    expect(response.body).toBeNull();
  });

  it("hides attachments of papers readers cannot see", async () => {
    const series = await createSeries();
    const draft = await createPublication({ seriesId: series.id, status: "draft" });
    const draftFile = await createAttachment(draft.id, pdf);
    const future = await createPublication({
      seriesId: series.id,
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
    });
    const futureFile = await createAttachment(future.id, pdf);
    for (const target of [
      { id: draft.id, attachmentId: draftFile.id },
      { id: future.id, attachmentId: futureFile.id },
    ]) {
      const response = await fileRequest(target);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    }
  });

  it("refuses an attachment asked for under another publication", async () => {
    const series = await createSeries();
    const other = await createPublication({ seriesId: series.id });
    const response = await fileRequest({ id: other.id, attachmentId: attachment.id });
    expect(response.status).toBe(404);
  });

  it("answers 404, not 500, when the stored file is missing", async () => {
    const series = await createSeries();
    const publication = await createPublication({ seriesId: series.id });
    const orphan = await createAttachment(publication.id, pdf, "missing.pdf", { store: false });
    const response = await fileRequest({ id: publication.id, attachmentId: orphan.id });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/at |Error|ENOENT/);
  });

  it("answers 503 with Retry-After, not 404 or 500, while the storage backend cannot be read", async () => {
    const series = await createSeries();
    const publication = await createPublication({ seriesId: series.id });
    const row = await createAttachment(publication.id, pdf, "unreadable.pdf");
    // A key below a stored file: asking the disk about it fails (ENOTDIR), as an unreachable backend does.
    await db.attachment.update({ where: { id: row.id }, data: { storageKey: `${row.storageKey}/inside` } });
    const response = await fileRequest({ id: publication.id, attachmentId: row.id });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.text()).toBe("The file cannot be served right now. Please try again in a minute.\n");
  });

  it.each([
    { id: "abc", attachmentId: "1" },
    { id: "1", attachmentId: "abc" },
    { id: "-1", attachmentId: "1" },
    { id: "1e3", attachmentId: "1" },
    { id: "99999999999999999999", attachmentId: "1" },
    { id: "2147483647", attachmentId: "2147483647" },
  ])("answers 404 for ids $id/$attachmentId", async (target) => {
    const response = await fileRequest(target);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found\n");
  });

  it("answers 404 for an unknown locale", async () => {
    expect((await fileRequest({ ...ids(), locale: "xx" })).status).toBe(404);
  });
});

describe("citation downloads", () => {
  let publicationId: number;
  let reportNumber: string;

  beforeAll(async () => {
    const series = await createSeries({ nameEn: "IFANS Perspectives" });
    const author = await createAuthor({ nameEn: "CHOI Wooseon", nameKo: "최우선" });
    reportNumber = `2024-${uid()}E`;
    const publication = await createPublication({
      seriesId: series.id,
      authorIds: [author.id],
      reportNumber,
      title: "The North Korea-Russia Alliance & Korea’s Policy",
      publishedAt: new Date("2024-12-31T09:00:00+09:00"),
    });
    publicationId = publication.id;
  });

  it("serves BibTeX as a .bib download", async () => {
    const response = await citeRequest(publicationId, "bibtex");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-bibtex; charset=utf-8");
    expect(parseDisposition(response.headers.get("content-disposition") ?? "")).toEqual({
      type: "attachment",
      parameters: { filename: `${reportNumber}.bib` },
    });
    const text = await response.text();
    expect(text).toMatch(/^@techreport\{choi2024-/);
    expect(text).toContain("  author = {Choi, Wooseon},\n");
    expect(text).toContain("  title = {The North Korea-Russia Alliance \\& Korea’s Policy},\n");
    expect(text).toContain(`  url = {${env().APP_URL}/en/publications/${publicationId}},\n`);
    expect(text).toContain("  month = dec,\n");
  });

  it("serves RIS as a .ris download", async () => {
    const response = await citeRequest(publicationId, "ris", "ko");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(parseDisposition(response.headers.get("content-disposition") ?? "").parameters.filename).toBe(`${reportNumber}.ris`);
    const text = await response.text();
    expect(text.startsWith("TY  - RPRT\r\n")).toBe(true);
    expect(text).toContain("DA  - 2024/12/31\r\n");
    // The canonical URL is in the paper's language, whatever the reader's locale.
    expect(text).toContain(`UR  - ${env().APP_URL}/en/publications/${publicationId}\r\n`);
    expect(text.endsWith("ER  - \r\n")).toBe(true);
  });

  it("answers 404 for an unknown format, a bad id or an unpublished paper", async () => {
    const series = await createSeries();
    const draft = await createPublication({ seriesId: series.id, status: "draft" });
    expect((await citeRequest(publicationId, "pdf")).status).toBe(404);
    expect((await citeRequest(publicationId, "toString")).status).toBe(404);
    expect((await citeRequest("abc", "bibtex")).status).toBe(404);
    expect((await citeRequest(draft.id, "ris")).status).toBe(404);
  });
});

describe("download header helpers", () => {
  it("makes a readable ASCII fallback and a one-line header from any stored name", () => {
    expect(asciiFileName("IFANS 정세와 정책 2024-14(최우선·류지원).pdf")).toBe("IFANS _ 2024-14(_).pdf");
    expect(asciiFileName("외교안보.pdf")).toBe("download.pdf");
    expect(asciiFileName('Café "draft" 50%20.pdf')).toBe("Cafe 'draft' 50_20.pdf");
    for (const name of ["a\r\nb.pdf", "evil\u202efdp.exe", "../../etc/passwd", "", "x\\y.pdf"]) {
      const header = attachmentDisposition(name);
      expect(header).not.toMatch(/[\x00-\x1f\x7f]|[/\\]|\u202e/);
      expect(parseDisposition(header).parameters.filename).toBeTruthy();
    }
    expect(attachmentDisposition("report.pdf")).toBe("attachment; filename=report.pdf");
  });

  it("selects byte ranges as RFC 9110 asks", () => {
    expect(selectRange(1000, "bytes=0-99")).toEqual({ kind: "partial", start: 0, end: 99 });
    expect(selectRange(1000, "bytes=900-2000")).toEqual({ kind: "partial", start: 900, end: 999 });
    expect(selectRange(1000, "Bytes=-10")).toEqual({ kind: "partial", start: 990, end: 999 });
    expect(selectRange(1000, "bytes=0-10,5-20")).toEqual({ kind: "partial", start: 0, end: 20 });
    expect(selectRange(1000, "bytes=1000-")).toEqual({ kind: "unsatisfiable" });
    expect(selectRange(1000, "bytes=-0")).toEqual({ kind: "unsatisfiable" });
    expect(selectRange(1000, null)).toEqual({ kind: "whole" });
    expect(selectRange(0, "bytes=0-")).toEqual({ kind: "whole" });
    expect(selectRange(1000, `bytes=${"0-1,".repeat(100)}0-1`)).toEqual({ kind: "whole" });
  });
});

// Editors' PDF uploads, through the real route handlers, database, disk storage and pdf.js.
// Only the sign-in boundary is replaced: Auth.js needs a request context that Vitest has not.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadRoute } from "@/app/[locale]/(site)/publications/[id]/files/[attachmentId]/route";
import { DELETE, PUT } from "@/app/api/admin/publications/[id]/attachments/[attachmentId]/route";
import { GET, POST } from "@/app/api/admin/publications/[id]/attachments/route";
import type { StaffUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env, resetEnvCache } from "@/lib/env";
import { UploadError } from "@/lib/uploads/errors";
import { PDF_READ_LIMITS, readPdf } from "@/lib/uploads/pdf";
import { uploadErrorResponse } from "@/lib/uploads/respond";
import { PDF_READ_CONCURRENCY, PDF_READ_QUEUE, pdfReadLoad } from "@/lib/uploads/pdf-queue";
import { createPublication, createSeries, uid } from "./support/factories";
import { decompressionBomb, pdfReadingProcesses } from "./support/pdf-reading";

const signedIn = vi.hoisted(() => ({ user: null as StaffUser | null }));

vi.mock("@/lib/auth/session", () => ({
  authorizeRequest: () => Promise.resolve(signedIn.user ?? Response.json({ error: "Sign in first." }, { status: 401 })),
}));

const KOREAN_NAME = "IFANS PERSPECTIVES 2024-14E(최우선).pdf";
const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

type ErrorBody = { error: { code: string; message: string; fileName?: string } };
type AttachmentBody = { attachment: { id: number; fileName: string; byteSize: number; pageCount: number; sha256: string } };

/** A real PDF whose text says `marker` on every page, so each test's bytes (and SHA-256) are its own. */
async function makePdf(pages: number, marker = `marker-${uid()}`): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage([300, 300]).drawText(`${marker} page ${i}`, { x: 20, y: 150, size: 12, font });
  }
  return Buffer.from(await doc.save());
}

function fileHeaders(name: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return { "Content-Type": "application/pdf", ...(name === null ? {} : { "X-File-Name": encodeURIComponent(name) }), ...extra };
}

type Body = Buffer | ReadableStream<Uint8Array> | FormData;
const asBodyInit = (body: Body): BodyInit => (Buffer.isBuffer(body) ? new Uint8Array(body) : body);

function upload(publicationId: number | string, body: Body, headers: Record<string, string>) {
  const url = `http://localhost/api/admin/publications/${publicationId}/attachments`;
  const request = new Request(url, { method: "POST", body: asBodyInit(body), headers, duplex: "half" } as RequestInit);
  return POST(request, { params: Promise.resolve({ id: String(publicationId) }) });
}

function replace(publicationId: number, attachmentId: number, body: Body, headers: Record<string, string>) {
  const url = `http://localhost/api/admin/publications/${publicationId}/attachments/${attachmentId}`;
  const request = new Request(url, { method: "PUT", body: asBodyInit(body), headers, duplex: "half" } as RequestInit);
  return PUT(request, { params: Promise.resolve({ id: String(publicationId), attachmentId: String(attachmentId) }) });
}

function remove(publicationId: number, attachmentId: number) {
  const url = `http://localhost/api/admin/publications/${publicationId}/attachments/${attachmentId}`;
  return DELETE(new Request(url, { method: "DELETE" }), {
    params: Promise.resolve({ id: String(publicationId), attachmentId: String(attachmentId) }),
  });
}

function list(publicationId: number) {
  const request = new Request(`http://localhost/api/admin/publications/${publicationId}/attachments`);
  return GET(request, { params: Promise.resolve({ id: String(publicationId) }) });
}

/** Every file under the storage directory, temporary upload files included. */
async function storedFiles(): Promise<string[]> {
  const root = env().STORAGE_DIR;
  if (!existsSync(root)) return [];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

const storedPath = (key: string) => path.join(env().STORAGE_DIR, key);

async function newPublication() {
  const series = await createSeries();
  return createPublication({ seriesId: series.id, reportNumber: `2024-${uid()}E` });
}

/** A body that counts what was pulled from it and whether the reader gave up on it. */
function meteredBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const stats = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (stats.pulled >= totalBytes) return controller.close();
        const size = Math.min(chunkBytes, totalBytes - stats.pulled);
        const chunk = new Uint8Array(size).fill(0x20);
        if (stats.pulled === 0) chunk.set(Buffer.from("%PDF-1.7\n"));
        stats.pulled += size;
        controller.enqueue(chunk);
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

/** Runs `act`, and checks that it left no row on the publication and no file in storage. */
async function expectNothingStored(publicationId: number, act: () => Promise<Response>) {
  const filesBefore = await storedFiles();
  const rowsBefore = await db.attachment.count({ where: { publicationId } });
  const response = await act();
  expect(await db.attachment.count({ where: { publicationId } })).toBe(rowsBefore);
  expect(await storedFiles()).toEqual(filesBefore);
  return response;
}

async function expectRefusal(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(body.error.message).not.toMatch(/\n\s+at /);
  return body;
}

let editor: StaffUser;

beforeAll(async () => {
  // A storage folder of this file's own, so other test files' downloads do not disturb the file counts.
  process.env.STORAGE_DIR = path.join(process.env.STORAGE_DIR ?? "data/files", `uploads-${uid()}`);
  resetEnvCache();
  const user = await db.user.create({ data: { email: `editor-${uid()}@example.org`, name: "Editor", role: "EDITOR" } });
  editor = { id: user.id, email: user.email, name: user.name, role: user.role };
  signedIn.user = editor;
});

afterEach(() => {
  signedIn.user = editor;
});

describe("uploading a PDF", () => {
  it("stores a valid PDF with its Korean name, size, hash, page count and text", async () => {
    const publication = await newPublication();
    const pdf = await makePdf(3, "Alliance and deterrence");
    const filesBefore = await storedFiles();

    const response = await upload(publication.id, pdf, fileHeaders(KOREAN_NAME));

    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as AttachmentBody;
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.publicationId).toBe(publication.id);
    expect(row.fileName).toBe(KOREAN_NAME.normalize("NFC"));
    expect(row.byteSize).toBe(pdf.length);
    expect(row.sha256).toBe(sha256(pdf));
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.mediaType).toBe("application/pdf");
    expect(row.pageCount).toBe(3);
    expect(row.extractedText).toContain("Alliance and deterrence page 1");
    expect(row.extractedText).toContain("Alliance and deterrence page 3");
    expect(row.extractedText).toBe(row.extractedText?.trim());
    expect(row.uploadedById).toBe(editor.id);
    expect(row.sortOrder).toBe(0);
    expect(row.storageKey).toMatch(/^attachments\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(await readFile(storedPath(row.storageKey))).toEqual(pdf);
    expect(await storedFiles()).toEqual([...filesBefore, storedPath(row.storageKey)].sort());
    expect(attachment).toMatchObject({ fileName: row.fileName, byteSize: pdf.length, pageCount: 3, sha256: row.sha256 });

    const audit = await db.auditLog.findFirstOrThrow({ where: { entityType: "attachment", entityId: String(row.id) } });
    expect(audit).toMatchObject({ action: "upload", userId: editor.id });
    expect(audit.changes).toMatchObject({ fileName: [null, row.fileName], sha256: [null, row.sha256] });

    // Readers download exactly those bytes, under that name.
    const download = await downloadRoute(new Request(`http://localhost/en/publications/${publication.id}/files/${row.id}`), {
      params: Promise.resolve({ locale: "en", id: String(publication.id), attachmentId: String(row.id) }),
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);
  });

  it("stores a decomposed (NFD) Korean name in NFC", async () => {
    const publication = await newPublication();
    const nfd = "국립외교원 보고서 최우선.pdf".normalize("NFD");
    expect(nfd).not.toBe(nfd.normalize("NFC"));

    const response = await upload(publication.id, await makePdf(1), fileHeaders(nfd));

    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as AttachmentBody;
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.fileName).toBe("국립외교원 보고서 최우선.pdf".normalize("NFC"));
    expect(row.fileName).not.toBe(nfd);
  });

  it.each([
    ["../../etc/passwd.pdf", "passwd.pdf"],
    ["..\\..\\Windows\\evil.pdf", "evil.pdf"],
    ["/var/www/report.pdf", "report.pdf"],
    ["line\r\nbreak\u0000.pdf", "linebreak.pdf"],
    ["evil\u202efdp.exe", "evilfdp.exe"],
  ])("keeps only a harmless file name from %j", async (sent, stored) => {
    const publication = await newPublication();
    const filesBefore = await storedFiles();

    const response = await upload(publication.id, await makePdf(1), fileHeaders(sent));

    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as AttachmentBody;
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(row.fileName).toBe(stored);
    expect(row.storageKey).toMatch(/^attachments\/[0-9a-f]{2}\/[0-9a-f-]{36}$/);
    expect(row.storageKey).not.toContain(stored.replace(/\.\w+$/, ""));
    // The one new file is inside the storage folder, under the opaque key.
    expect(await storedFiles()).toEqual([...filesBefore, storedPath(row.storageKey)].sort());
  });

  it("gives each new attachment the next place and lists them in order", async () => {
    const publication = await newPublication();
    const first = (await (await upload(publication.id, await makePdf(1), fileHeaders("a.pdf"))).json()) as AttachmentBody;
    const second = (await (await upload(publication.id, await makePdf(2), fileHeaders("b.pdf"))).json()) as AttachmentBody;

    const response = await list(publication.id);

    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      attachments: { id: number; fileName: string; sortOrder: number; pageCount: number }[];
    };
    expect(body.attachments.map((a) => [a.id, a.fileName, a.sortOrder, a.pageCount])).toEqual([
      [first.attachment.id, "a.pdf", 0, 1],
      [second.attachment.id, "b.pdf", 1, 2],
    ]);
  });
});

describe("refused uploads leave no row and no file", () => {
  const truncate = (pdf: Buffer) => pdf.subarray(0, Math.floor(pdf.length * 0.6));
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(2048, 1)]);
  const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1"), Buffer.alloc(2048, 0)]);

  it.each<[string, () => Promise<Buffer>, number, string]>([
    ["a renamed Windows executable", () => Promise.resolve(exe), 400, "notPdf"],
    ["a renamed Linux executable", () => Promise.resolve(elf), 400, "notPdf"],
    ["an HTML page", () => Promise.resolve(Buffer.from("<!doctype html><title>x</title>")), 400, "notPdf"],
    ["a truncated PDF", async () => truncate(await makePdf(6)), 400, "corrupt"],
    // pdf.js would still open this one; the missing end marker is what shows the upload was cut short.
    ["a PDF cut just before its %%EOF", async () => (await makePdf(2)).subarray(0, -"%%EOF".length), 400, "corrupt"],
    ["a PDF header and garbage", () => Promise.resolve(Buffer.from("%PDF-1.7\nnot really\n%%EOF\n")), 400, "corrupt"],
    ["a password-protected PDF", () => readFile(path.join(import.meta.dirname, "fixtures/encrypted.pdf")), 400, "encrypted"],
    ["an empty file", () => Promise.resolve(Buffer.alloc(0)), 400, "empty"],
  ])("refuses %s", async (_label, bytes, status, code) => {
    const publication = await newPublication();
    const body = await bytes();

    const response = await expectNothingStored(publication.id, () => upload(publication.id, body, fileHeaders("renamed.pdf")));

    await expectRefusal(response, status, code);
  });

  it("stops reading a PDF that takes longer or more memory than allowed, and says so", async () => {
    // Long enough that no reader, however warm, reads it within the 1 ms limit below.
    const pdf = await makePdf(300);
    await expect(readPdf(pdf)).resolves.toMatchObject({ pageCount: 300 });
    for (const limits of [
      { ...PDF_READ_LIMITS, seconds: 0.001 },
      { ...PDF_READ_LIMITS, memoryMb: 2 },
    ]) {
      const refusal = await readPdf(pdf, limits).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(UploadError);
      expect((refusal as UploadError).code).toBe("tooComplex");
    }
  });

  it("reads one file after another in the same reader process, and replaces a reader that passed its limits", async () => {
    const readers = new Set<number>();
    const sample = setInterval(() => pdfReadingProcesses().forEach((r) => readers.add(r.pid)), 5);
    try {
      const first = await Promise.all([1, 2].map((pages) => makePdf(pages, `first-${pages}`)));
      for (const pdf of first) await readPdf(pdf);
      const again = await Promise.all([3, 4, 5].map((pages) => makePdf(pages, `again-${pages}`)));
      const facts = [];
      for (const pdf of again) facts.push(await readPdf(pdf));
      // Each file's own text and pages, none of the file read before it.
      expect(facts.map((f) => f.pageCount)).toEqual([3, 4, 5]);
      expect(facts.map((f) => /again-(\d)/.exec(f.text)?.[1])).toEqual(["3", "4", "5"]);
      expect(facts.some((f) => f.text.includes("first-"))).toBe(false);
      const afterFiveFiles = readers.size;
      // Five files, one at a time: one reader (two if an idle one from an earlier test was just going).
      expect(afterFiveFiles).toBeGreaterThan(0);
      expect(afterFiveFiles).toBeLessThanOrEqual(2);

      // A file far longer to read than the limit allows (a 3-page file was once read within its 1 ms,
      // by a warm reader): the reader is stopped and replaced, and the next file is read.
      const refusal = await readPdf(await makePdf(300, "long"), { ...PDF_READ_LIMITS, seconds: 0.001 }).catch((e: unknown) => e);
      expect((refusal as UploadError).code).toBe("tooComplex");
      await expect(readPdf(again[1]!)).resolves.toMatchObject({ pageCount: 4 });
    } finally {
      clearInterval(sample);
    }
  });

  it("refuses a decompression bomb as too complex, its memory bounded and never the server's", async () => {
    const bomb = await decompressionBomb(1); // inflates to 1 GiB; read whole, it took 17 s and 2.1 GB
    expect(bomb.length).toBeLessThan(2 * MiB);
    const serverBefore = process.memoryUsage().rss;
    let serverPeak = serverBefore;
    let readerPeakMb = 0;
    const sample = setInterval(() => {
      serverPeak = Math.max(serverPeak, process.memoryUsage().rss);
      for (const reader of pdfReadingProcesses()) readerPeakMb = Math.max(readerPeakMb, reader.residentMb);
    }, 10);

    // A time limit it cannot reach: its memory is what must stop it.
    const started = Date.now();
    const refusal = await readPdf(bomb, { ...PDF_READ_LIMITS, seconds: 300 })
      .catch((e: unknown) => e)
      .finally(() => clearInterval(sample));

    expect(refusal).toBeInstanceOf(UploadError);
    expect((refusal as UploadError).code).toBe("tooComplex");
    expect(Date.now() - started).toBeLessThan(60_000);
    expect((serverPeak - serverBefore) / MiB).toBeLessThan(PDF_READ_LIMITS.memoryMb);
    expect(readerPeakMb).toBeGreaterThan(0);
    expect(readerPeakMb).toBeLessThan(1.5 * PDF_READ_LIMITS.memoryMb);
  }, 120_000);

  it("reads at most PDF_READ_CONCURRENCY PDFs at once, the others in their turn", async () => {
    const pageCounts = Array.from({ length: PDF_READ_CONCURRENCY + 2 }, (_, i) => i + 1);
    const pdfs = await Promise.all(pageCounts.map((pages) => makePdf(pages)));
    let mostAtOnce = 0;
    const sample = setInterval(() => (mostAtOnce = Math.max(mostAtOnce, pdfReadingProcesses().length)), 5);

    const reads = pdfs.map((pdf) => readPdf(pdf));

    // A read starts its process, or joins the line, before readPdf returns. (The processes
    // themselves are sampled below: right after fork a child does not show its command yet.)
    expect(pdfReadLoad()).toEqual({ running: PDF_READ_CONCURRENCY, waiting: 2 });
    const facts = await Promise.all(reads).finally(() => clearInterval(sample));
    expect(facts.map((f) => f.pageCount)).toEqual(pageCounts);
    expect(mostAtOnce).toBeGreaterThan(0);
    expect(mostAtOnce).toBeLessThanOrEqual(PDF_READ_CONCURRENCY);
    expect(pdfReadLoad()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a PDF when the line of waiting ones is full, saying to try again", async () => {
    const pdf = await makePdf(1);
    const admitted = Array.from({ length: PDF_READ_CONCURRENCY + PDF_READ_QUEUE }, () => readPdf(pdf));

    const refusal = await readPdf(pdf).catch((e: unknown) => e);

    expect(refusal).toBeInstanceOf(UploadError);
    expect((refusal as UploadError).message).toMatch(/try again/);
    // A passing state, not a fault: 503 with Retry-After, never a 500.
    const answer = uploadErrorResponse(refusal);
    expect([(refusal as UploadError).code, answer.status, answer.headers.get("retry-after")]).toEqual(["busy", 503, "60"]);
    expect((await Promise.all(admitted)).every((f) => f.pageCount === 1)).toBe(true);
  });

  it("refuses an encrypted PDF with a message that says so", async () => {
    const publication = await newPublication();
    const body = await readFile(path.join(import.meta.dirname, "fixtures/encrypted.pdf"));
    const refusal = await expectRefusal(await upload(publication.id, body, fileHeaders("secret.pdf")), 400, "encrypted");
    expect(refusal.error.message).toMatch(/password/i);
  });

  it.each([
    ["no X-File-Name header", null],
    ["an empty name", ""],
    ["only a path", "../../"],
    ["dots", ".."],
    ["broken percent-encoding", "%E0%A4%A"],
    ["a name of 256 characters", `${"가".repeat(252)}.pdf`],
  ])("refuses %s", async (_label, name) => {
    const publication = await newPublication();
    const headers = fileHeaders(
      null,
      name === null ? {} : { "X-File-Name": name === "%E0%A4%A" ? name : encodeURIComponent(name) },
    );
    const pdf = await makePdf(1);

    const response = await expectNothingStored(publication.id, () => upload(publication.id, pdf, headers));

    await expectRefusal(response, 400, "badName");
  });

  it("accepts a name of exactly 255 characters", async () => {
    const publication = await newPublication();
    const name = `${"가".repeat(251)}.pdf`;
    const response = await upload(publication.id, await makePdf(1), fileHeaders(name));
    expect(response.status).toBe(201);
    expect(((await response.json()) as AttachmentBody).attachment.fileName).toBe(name);
  });

  it("refuses a multipart form instead of raw bytes", async () => {
    const publication = await newPublication();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await makePdf(1))], { type: "application/pdf" }), "x.pdf");
    const headers = { "X-File-Name": "x.pdf" };

    const response = await expectNothingStored(publication.id, () => upload(publication.id, form, headers));

    await expectRefusal(response, 400, "notPdf");
  });

  describe("with a 1 MB limit", () => {
    beforeAll(() => {
      process.env.UPLOAD_MAX_MB = "1";
      resetEnvCache();
      return () => {
        delete process.env.UPLOAD_MAX_MB;
        resetEnvCache();
      };
    });

    it("stops reading a 1.5 MiB body soon after the first MiB and refuses it", async () => {
      const publication = await newPublication();
      const { stream, stats } = meteredBody(1.5 * MiB);

      const response = await expectNothingStored(publication.id, () => upload(publication.id, stream, fileHeaders("big.pdf")));

      const body = await expectRefusal(response, 413, "tooLarge");
      expect(body.error.message).toMatch(/1 MB/);
      expect(stats.cancelled).toBe(true);
      // A little read-ahead is allowed; the rest of the body was never pulled.
      expect(stats.pulled).toBeGreaterThan(1 * MiB);
      expect(stats.pulled).toBeLessThanOrEqual(1 * MiB + 4 * 64 * 1024);
    });

    it("refuses at once when Content-Length already says the file is too large", async () => {
      const publication = await newPublication();
      const { stream, stats } = meteredBody(1.5 * MiB);
      const headers = fileHeaders("big.pdf", { "Content-Length": String(1.5 * MiB) });

      const response = await expectNothingStored(publication.id, () => upload(publication.id, stream, headers));

      await expectRefusal(response, 413, "tooLarge");
      expect(stats.pulled).toBeLessThanOrEqual(64 * 1024);
    });

    it("accepts a PDF just under the limit", async () => {
      const publication = await newPublication();
      const pdf = await makePdf(1);
      // Comments after %%EOF are allowed by readers; the end marker must stay in the last 1024 bytes.
      const padded = Buffer.concat([
        pdf.subarray(0, pdf.lastIndexOf("%%EOF")),
        Buffer.alloc(MiB - pdf.length - 64, 0x20),
        Buffer.from("\n%%EOF\n"),
      ]);
      expect(padded.length).toBeLessThan(MiB);

      const response = await upload(publication.id, padded, fileHeaders("padded.pdf"));

      expect(response.status).toBe(201);
    });
  });

  it("refuses the same file twice on one publication with 409, naming the first", async () => {
    const publication = await newPublication();
    const pdf = await makePdf(2);
    expect((await upload(publication.id, pdf, fileHeaders(KOREAN_NAME))).status).toBe(201);

    const response = await expectNothingStored(publication.id, () => upload(publication.id, pdf, fileHeaders("copy.pdf")));

    const body = await expectRefusal(response, 409, "duplicate");
    expect(body.error.message).toContain(KOREAN_NAME);
    expect(body.error.fileName).toBe(KOREAN_NAME);
  });

  it("accepts the same file on another publication", async () => {
    const [one, two] = [await newPublication(), await newPublication()];
    const pdf = await makePdf(1);
    expect((await upload(one.id, pdf, fileHeaders("same.pdf"))).status).toBe(201);
    expect((await upload(two.id, pdf, fileHeaders("same.pdf"))).status).toBe(201);
  });

  it("keeps one copy when the same file arrives twice at once", async () => {
    const publication = await newPublication();
    const pdf = await makePdf(1);
    const filesBefore = await storedFiles();

    const responses = await Promise.all([
      upload(publication.id, pdf, fileHeaders("a.pdf")),
      upload(publication.id, pdf, fileHeaders("b.pdf")),
    ]);

    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await db.attachment.count({ where: { publicationId: publication.id } })).toBe(1);
    expect((await storedFiles()).length).toBe(filesBefore.length + 1);
  });

  it("answers 404 for a publication that does not exist, and for a malformed id", async () => {
    const missing = 2_000_000_000;
    const filesBefore = await storedFiles();
    await expectRefusal(await upload(missing, await makePdf(1), fileHeaders("x.pdf")), 404, "notFound");
    await expectRefusal(await upload("12abc", await makePdf(1), fileHeaders("x.pdf")), 404, "notFound");
    await expectRefusal(await list(missing), 404, "notFound");
    expect(await db.attachment.count({ where: { publicationId: missing } })).toBe(0);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it("refuses an anonymous upload with 401 and stores nothing", async () => {
    const publication = await newPublication();
    signedIn.user = null;
    const { stream, stats } = meteredBody(64 * 1024);

    const response = await expectNothingStored(publication.id, () => upload(publication.id, stream, fileHeaders("x.pdf")));

    expect(response.status).toBe(401);
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024);
    expect((await list(publication.id)).status).toBe(401);
  });
});

describe("replacing and removing", () => {
  async function uploaded(publicationId: number, name: string, pages = 1) {
    const pdf = await makePdf(pages, `original-${uid()}`);
    const response = await upload(publicationId, pdf, fileHeaders(name));
    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as AttachmentBody;
    return { pdf, row: await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } }) };
  }

  it("replaces the bytes under a new key and deletes the old object", async () => {
    const publication = await newPublication();
    const { row: before } = await uploaded(publication.id, "draft.pdf");
    const filesBefore = await storedFiles();
    const next = await makePdf(4, "Final version");

    const response = await replace(publication.id, before.id, next, fileHeaders("최종본.pdf"));

    expect(response.status).toBe(200);
    const after = await db.attachment.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({
      fileName: "최종본.pdf",
      byteSize: next.length,
      sha256: sha256(next),
      pageCount: 4,
      mediaType: "application/pdf",
      sortOrder: before.sortOrder,
    });
    expect(after.extractedText).toContain("Final version page 4");
    expect(after.storageKey).not.toBe(before.storageKey);
    expect(await readFile(storedPath(after.storageKey))).toEqual(next);
    expect(existsSync(storedPath(before.storageKey))).toBe(false);
    expect((await storedFiles()).length).toBe(filesBefore.length);

    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "attachment", entityId: String(before.id), action: "replace" },
    });
    expect(audit.changes).toMatchObject({ fileName: ["draft.pdf", "최종본.pdf"], sha256: [before.sha256, after.sha256] });
  });

  it("keeps the old file when the replacement is refused", async () => {
    const publication = await newPublication();
    const { pdf, row: before } = await uploaded(publication.id, "keep.pdf");
    const { pdf: other } = await uploaded(publication.id, "other.pdf");

    const refusals = [
      [await replace(publication.id, before.id, Buffer.from("MZ not a pdf"), fileHeaders("x.pdf")), 400, "notPdf"],
      [await replace(publication.id, before.id, other, fileHeaders("x.pdf")), 409, "duplicate"],
      [await replace(publication.id, 2_000_000_000, await makePdf(1), fileHeaders("x.pdf")), 404, "notFound"],
    ] as const;

    for (const [response, status, code] of refusals) await expectRefusal(response, status, code);
    const after = await db.attachment.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
    expect(await readFile(storedPath(after.storageKey))).toEqual(pdf);
  });

  it("does not replace an attachment through another publication's URL", async () => {
    const owner = await newPublication();
    const stranger = await newPublication();
    const { row } = await uploaded(owner.id, "mine.pdf");

    await expectRefusal(await replace(stranger.id, row.id, await makePdf(1), fileHeaders("x.pdf")), 404, "notFound");
    await expectRefusal(await remove(stranger.id, row.id), 404, "notFound");
    expect(await db.attachment.findUnique({ where: { id: row.id } })).toEqual(row);
  });

  it("removes the row and the file", async () => {
    const publication = await newPublication();
    const { row } = await uploaded(publication.id, "old.pdf");

    const response = await remove(publication.id, row.id);

    expect(response.status).toBe(200);
    expect(await db.attachment.findUnique({ where: { id: row.id } })).toBeNull();
    expect(existsSync(storedPath(row.storageKey))).toBe(false);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityType: "attachment", entityId: String(row.id), action: "remove" },
    });
    expect(audit.changes).toMatchObject({ fileName: ["old.pdf", null], sha256: [row.sha256, null] });
    await expectRefusal(await remove(publication.id, row.id), 404, "notFound");
  });

  it("refuses an anonymous replace or remove and changes nothing", async () => {
    const publication = await newPublication();
    const { row } = await uploaded(publication.id, "safe.pdf");
    signedIn.user = null;

    expect((await replace(publication.id, row.id, await makePdf(1), fileHeaders("x.pdf"))).status).toBe(401);
    expect((await remove(publication.id, row.id)).status).toBe(401);

    expect(await db.attachment.findUnique({ where: { id: row.id } })).toEqual(row);
    expect(existsSync(storedPath(row.storageKey))).toBe(true);
  });
});

// The S3 backend against a real S3-compatible server (s3rver, on 127.0.0.1 with a temporary folder):
// real HTTP, real request signing, real multipart uploads.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as fileRoute } from "@/app/[locale]/(site)/publications/[id]/files/[attachmentId]/route";
import { POST } from "@/app/api/admin/publications/[id]/attachments/route";
import { DELETE } from "@/app/api/admin/publications/[id]/attachments/[attachmentId]/route";
import type { StaffUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { storage } from "@/lib/storage";
import { S3Storage } from "@/lib/storage/s3";
import { createPublication, createSeries, uid } from "./support/factories";

const signedIn = vi.hoisted(() => ({ user: null as StaffUser | null }));

vi.mock("@/lib/auth/session", () => ({
  authorizeRequest: () => Promise.resolve(signedIn.user ?? Response.json({ error: "Sign in first." }, { status: 401 })),
}));

// s3rver ships no types; this is the part of its API the tests use.
type S3rverServer = { run(): Promise<AddressInfo>; close(): Promise<void> };
type S3rverClass = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string; configs: never[] }[];
}) => S3rverServer;
const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;

// s3rver's fixed development credentials: it checks request signatures against them.
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
const MiB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function startS3(bucket: string) {
  const directory = await mkdtemp(path.join(os.tmpdir(), "perspectives-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let closed = false;
  return {
    endpoint,
    close: async () => {
      if (!closed) await server.close();
      closed = true;
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function listKeys(endpoint: string, bucket: string): Promise<string[]> {
  const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    return (listed.Contents ?? []).map((o) => o.Key ?? "").sort();
  } finally {
    client.destroy();
  }
}

describe("S3Storage", () => {
  const bucket = `test-${uid()}`;
  let s3: Awaited<ReturnType<typeof startS3>>;
  let store: S3Storage;

  beforeAll(async () => {
    s3 = await startS3(bucket);
    store = new S3Storage({ bucket, region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  });

  afterAll(async () => {
    store.destroy();
    await s3.close();
  });

  it("puts a buffer, states its size and reads it back whole or by range", async () => {
    const key = `attachments/aa/${uid()}`;
    const bytes = Buffer.from("%PDF-1.7 hello, S3\n%%EOF\n");

    const put = await store.put(key, bytes);

    expect(put.size).toBe(bytes.length);
    expect(put.modifiedAt).toBeInstanceOf(Date);
    expect(await store.stat(key)).toMatchObject({ size: bytes.length });
    expect(await readAll(await store.read(key))).toEqual(bytes);
    expect(await readAll(await store.read(key, { start: 0, end: 4 }))).toEqual(Buffer.from("%PDF-"));
    expect(await readAll(await store.read(key, { start: 9, end: bytes.length - 1 }))).toEqual(bytes.subarray(9));
  });

  it("streams a 12 MiB upload in parts without knowing its length", async () => {
    const key = `attachments/bb/${uid()}`;
    const bytes = Buffer.alloc(12 * MiB);
    for (let i = 0; i < bytes.length; i += 4096) bytes.writeUInt32BE(i, i);
    // A generator of uneven chunks: the backend cannot know the total in advance.
    const source = Readable.from(
      (function* () {
        for (let offset = 0; offset < bytes.length; offset += 700_000) yield bytes.subarray(offset, offset + 700_000);
      })(),
    );

    const put = await store.put(key, source);

    expect(put.size).toBe(bytes.length);
    expect(sha256(await readAll(await store.read(key)))).toBe(sha256(bytes));
    const middle = await readAll(await store.read(key, { start: 6 * MiB, end: 6 * MiB + 99 }));
    expect(middle).toEqual(bytes.subarray(6 * MiB, 6 * MiB + 100));
  });

  it("answers null for a missing object, and deletes objects (missing ones too)", async () => {
    const key = `attachments/cc/${uid()}`;
    expect(await store.stat(key)).toBeNull();
    await store.put(key, Buffer.from("x"));
    await store.delete(key);
    expect(await store.stat(key)).toBeNull();
    await expect(store.delete(key)).resolves.toBeUndefined();
    expect(await listKeys(s3.endpoint, bucket)).not.toContain(key);
  });

  it("refuses keys that are not opaque storage keys", async () => {
    await expect(store.put("../escape", Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
    await expect(store.stat("Attachments/UPPER")).rejects.toThrow(/Invalid storage key/);
  });

  it("fails a put into a bucket that does not exist", async () => {
    const wrong = new S3Storage({
      bucket: `missing-${uid()}`,
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: CREDENTIALS,
    });
    try {
      await expect(wrong.put(`attachments/dd/${uid()}`, Buffer.from("x"))).rejects.toThrow();
    } finally {
      wrong.destroy();
    }
  });
});

describe("uploads with STORAGE_DRIVER=s3", () => {
  const bucket = `uploads-${uid()}`;
  let s3: Awaited<ReturnType<typeof startS3>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    s3 = await startS3(bucket);
    Object.assign(process.env, {
      STORAGE_DRIVER: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_REGION: "us-east-1",
      S3_FORCE_PATH_STYLE: "true",
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    });
    resetEnvCache();
    const user = await db.user.create({ data: { email: `editor-${uid()}@example.org`, role: "EDITOR" } });
    signedIn.user = { id: user.id, email: user.email, name: null, role: user.role };
  });

  afterAll(async () => {
    await s3.close();
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetEnvCache();
  });

  async function pdf(marker: string) {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([300, 300]).drawText(marker, { x: 20, y: 150, size: 12, font });
    return Buffer.from(await doc.save());
  }

  function upload(publicationId: number, body: Buffer, name: string) {
    const request = new Request(`http://localhost/api/admin/publications/${publicationId}/attachments`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/pdf", "X-File-Name": encodeURIComponent(name) },
      duplex: "half",
    } as RequestInit);
    return POST(request, { params: Promise.resolve({ id: String(publicationId) }) });
  }

  it("stores the upload in the bucket under its opaque key, and removes it again", async () => {
    const series = await createSeries();
    const publication = await createPublication({ seriesId: series.id });
    const bytes = await pdf(`s3 ${uid()}`);

    const response = await upload(publication.id, bytes, "보고서.pdf");

    expect(response.status).toBe(201);
    const { attachment } = (await response.json()) as { attachment: { id: number } };
    const row = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(storage()).toBeInstanceOf(S3Storage);
    expect(await listKeys(s3.endpoint, bucket)).toEqual([row.storageKey]);
    expect(await readAll(await storage().read(row.storageKey))).toEqual(bytes);
    expect(row.sha256).toBe(sha256(bytes));

    const removed = await DELETE(new Request("http://localhost/", { method: "DELETE" }), {
      params: Promise.resolve({ id: String(publication.id), attachmentId: String(row.id) }),
    });
    expect(removed.status).toBe(200);
    expect(await listKeys(s3.endpoint, bucket)).toEqual([]);
  });

  it("serves a reader the file from the bucket, and answers 503 (not 404) while the bucket cannot be reached", async () => {
    const series = await createSeries();
    const publication = await createPublication({ seriesId: series.id });
    const bytes = await pdf(`reader ${uid()}`);
    const { attachment } = (await (await upload(publication.id, bytes, "r.pdf")).json()) as { attachment: { id: number } };
    const download = () =>
      fileRoute(new Request(`http://localhost/en/publications/${publication.id}/files/${attachment.id}`), {
        params: Promise.resolve({ locale: "en", id: String(publication.id), attachmentId: String(attachment.id) }),
      });

    const served = await download();
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);

    await s3.close();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const outage = await download();
      expect(outage.status).toBe(503);
      expect(outage.headers.get("retry-after")).toBe("60");
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it("answers a storage failure with 500 and a plain message, and records nothing", async () => {
    const series = await createSeries();
    const publication = await createPublication({ seriesId: series.id });
    await s3.close();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

    try {
      const response = await upload(publication.id, await pdf(`down ${uid()}`), "x.pdf");

      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("storage");
      expect(body.error.message).toBe("The file could not be saved. Please try again.");
      expect(await db.attachment.count({ where: { publicationId: publication.id } })).toBe(0);
      expect(errors).toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});

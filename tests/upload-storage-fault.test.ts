import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { UploadError } from "@/lib/uploads/errors";
import { receiveToTempFile } from "@/lib/uploads/receive";
import { uploadErrorResponse } from "@/lib/uploads/respond";

const upload = (body: string) => new Request("http://localhost/upload", { method: "POST", body, duplex: "half" } as RequestInit);

describe("an upload the server's storage cannot take", () => {
  it("answers 503 with Retry-After and names the server's storage, not the editor's connection", async () => {
    // A storage path under a regular file: every write there fails, as on a broken or read-only mount.
    const root = await mkdtemp(path.join(os.tmpdir(), "perspectives-storage-fault-"));
    await writeFile(path.join(root, "not-a-folder"), "");
    const refusal = await receiveToTempFile(upload("%PDF-1.7 ..."), {
      maxBytes: 1024,
      dir: path.join(root, "not-a-folder", ".tmp"),
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(UploadError);
    const answer = uploadErrorResponse(refusal);
    expect([answer.status, answer.headers.get("retry-after")]).toEqual([503, "60"]);
    const body = (await answer.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("storageUnavailable");
    expect(body.error.message).toMatch(/file storage/);
    expect(body.error.message).not.toMatch(/interrupted/);
    expect(await readdir(root)).toEqual(["not-a-folder"]);
  });

  it("still blames the connection when the upload itself breaks off", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "perspectives-upload-cut-"));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("%PDF-1.7"));
        controller.error(new Error("socket hang up"));
      },
    });
    const refusal = await receiveToTempFile(
      new Request("http://localhost/upload", { method: "POST", body, duplex: "half" } as RequestInit),
      {
        maxBytes: 1024,
        dir,
      },
    ).catch((e: unknown) => e);
    expect((refusal as UploadError).code).toBe("storage");
    expect((refusal as UploadError).message).toMatch(/interrupted/);
    expect(await readdir(dir)).toEqual([]);
  });
});

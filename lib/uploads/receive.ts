import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { isStorageFault, UploadError } from "./errors";

export const HEAD_LENGTH = 1024;
export const TAIL_LENGTH = 1024;

/** A request body written to a temporary file, with what was learned on the way. */
export type ReceivedFile = {
  path: string;
  byteSize: number;
  /** Lowercase hex. */
  sha256: string;
  /** The first and last bytes, for the signature and end-of-file checks. */
  head: Buffer;
  tail: Buffer;
  /** Deletes the temporary file; safe to call twice. */
  dispose: () => Promise<void>;
};

const tooLarge = (maxBytes: number) =>
  new UploadError("tooLarge", `The file is larger than the limit of ${Math.floor(maxBytes / (1024 * 1024))} MB.`);

/** Counts and hashes the bytes going through, and fails the stream the moment the count passes the limit. */
class Meter extends Transform {
  byteSize = 0;
  head = Buffer.alloc(0);
  tail = Buffer.alloc(0);
  private readonly hash = createHash("sha256");

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.byteSize += chunk.length;
    if (this.byteSize > this.maxBytes) return done(tooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (this.head.length < HEAD_LENGTH) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_LENGTH - this.head.length)]);
    this.tail = Buffer.concat([this.tail, chunk.subarray(-TAIL_LENGTH)]).subarray(-TAIL_LENGTH);
    done(null, chunk);
  }

  digest() {
    return this.hash.digest("hex");
  }
}

/**
 * Streams a request body into a new file under `dir`, never holding the whole
 * body in memory. Refuses at once when Content-Length already exceeds
 * `maxBytes`, and stops reading as soon as the bytes do. On failure the
 * temporary file is gone before this throws; on success the caller disposes it.
 */
export async function receiveToTempFile(
  request: Request,
  { maxBytes, dir }: { maxBytes: number; dir: string },
): Promise<ReceivedFile> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (declared !== null && declared.trim() === "0") throw new UploadError("empty");
  if (!request.body) throw new UploadError("empty");

  await mkdir(dir, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw new UploadError("storageUnavailable", undefined, { cause: error });
  });
  const file = path.join(dir, `upload-${randomUUID()}`);
  const dispose = () => rm(file, { force: true });
  const meter = new Meter(maxBytes);
  try {
    // Destroying the Node stream (as pipeline does on error) cancels the web stream: the client's upload stops.
    const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
    await pipeline(source, meter, createWriteStream(file, { flags: "wx", mode: 0o600 }));
  } catch (error) {
    await dispose();
    if (error instanceof UploadError) throw error;
    if (isStorageFault(error)) throw new UploadError("storageUnavailable", undefined, { cause: error });
    throw new UploadError("storage", "The upload was interrupted before the whole file arrived. Please try again.", {
      cause: error,
    });
  }
  return { path: file, byteSize: meter.byteSize, sha256: meter.digest(), head: meter.head, tail: meter.tail, dispose };
}

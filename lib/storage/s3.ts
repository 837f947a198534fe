import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Env } from "@/lib/env";
import type { ByteRange, Storage, StoredObject } from "./types";

const KEY_PATTERN = /^[a-z0-9][a-z0-9/_-]*$/;

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** For S3-compatible servers (MinIO, Ceph, R2…); unset for AWS. */
  endpoint?: string;
  /** Bucket in the path rather than the host name, as MinIO-style servers need. */
  forcePathStyle?: boolean;
  /** Unset: the SDK's default chain (environment, instance role…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** An S3-compatible bucket. A PUT is atomic by nature: an object appears whole or not at all. */
export class S3Storage implements Storage {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    const config: S3ClientConfig = {
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // The SDK's default trailing CRC checksums are not understood by every S3-compatible server.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    };
    this.client = new S3Client(config);
  }

  private check(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes("..")) throw new Error(`Invalid storage key: ${key}`);
    return key;
  }

  async put(key: string, data: Buffer | Readable): Promise<StoredObject> {
    // Upload streams in parts (multipart above 5 MiB), so a large file is never held whole in memory.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.check(key), Body: data, ContentType: "application/octet-stream" },
    });
    await upload.done();
    const stored = await this.stat(key);
    if (!stored) throw new Error(`S3 object ${key} is missing right after it was written`);
    return stored;
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.check(key) }));
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const object = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: this.check(key),
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    if (object.Body instanceof Readable) return object.Body;
    throw new Error(`S3 object ${key} has no readable body`);
  }

  async delete(key: string): Promise<void> {
    // Deleting a missing key succeeds in S3, as rm --force does locally.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.check(key) }));
  }

  /** Closes the client's sockets (tests and shutdown). */
  destroy() {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.$metadata.httpStatusCode === 404 || error.name === "NotFound" || error.name === "NoSuchKey")
  );
}

/** The backend described by the S3_* variables (STORAGE_DRIVER=s3). */
export function s3StorageFromEnv(e: Env): S3Storage {
  if (!e.S3_BUCKET) throw new Error("S3_BUCKET is required when STORAGE_DRIVER=s3");
  return new S3Storage({
    bucket: e.S3_BUCKET,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
}

import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { LocalStorage } from "./local";
import { s3StorageFromEnv } from "./s3";
import type { Storage } from "./types";

export type { ByteRange, Storage, StoredObject } from "./types";

let instance: Storage | undefined;

/** The configured backend: a local directory, or an S3-compatible bucket with STORAGE_DRIVER=s3. */
export function storage(): Storage {
  instance ??= env().STORAGE_DRIVER === "s3" ? s3StorageFromEnv(env()) : new LocalStorage(env().STORAGE_DIR);
  return instance;
}

/** A fresh opaque key, fanned out so no directory grows huge. */
export function newStorageKey(prefix = "attachments"): string {
  const id = randomUUID();
  return `${prefix}/${id.slice(0, 2)}/${id}`;
}

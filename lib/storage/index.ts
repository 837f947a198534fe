import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { LocalStorage } from "./local";
import type { Storage } from "./types";

export type { ByteRange, Storage, StoredObject } from "./types";

let instance: Storage | undefined;

/** The configured backend (local directory now; S3-compatible arrives with uploads). */
export function storage(): Storage {
  instance ??= new LocalStorage(env().STORAGE_DIR);
  return instance;
}

/** A fresh opaque key, fanned out so no directory grows huge. */
export function newStorageKey(prefix = "attachments"): string {
  const id = randomUUID();
  return `${prefix}/${id.slice(0, 2)}/${id}`;
}

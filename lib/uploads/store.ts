import "server-only";
import { createReadStream } from "node:fs";
import { newStorageKey, storage } from "@/lib/storage";
import { isStorageFault, UploadError } from "./errors";

/** Copies a received file into storage under a fresh opaque key (never the file's name). */
export async function storeFile(filePath: string, byteSize: number): Promise<string> {
  const key = newStorageKey();
  try {
    const stored = await storage().put(key, createReadStream(filePath));
    if (stored.size !== byteSize) throw new Error(`stored ${stored.size} bytes, expected ${byteSize}`);
  } catch (error) {
    console.error(`Storing upload under ${key} failed`, error);
    await deleteStoredFile(key);
    throw new UploadError(isStorageFault(error) ? "storageUnavailable" : "storage", undefined, { cause: error });
  }
  return key;
}

/** Best effort: a leftover object wastes space, but must not turn a finished change into an error. */
export async function deleteStoredFile(key: string): Promise<void> {
  try {
    await storage().delete(key);
  } catch (error) {
    console.error(`Deleting stored object ${key} failed; it is now orphaned`, error);
  }
}

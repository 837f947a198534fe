import "server-only";
import { createHash } from "node:crypto";
import { deleteSiteAssetRecord, putSiteAssetRecord, type SiteAssetFile } from "@/lib/data/site-settings";
import { newStorageKey, storage } from "@/lib/storage";
import { isStorageFault, UploadError } from "@/lib/uploads/errors";
import { deleteStoredFile } from "@/lib/uploads/store";
import type { PreparedSiteImage } from "./images";
import type { SiteAssetKind } from "./types";

export type StoredSiteImage = { before: SiteAssetFile | null; after: SiteAssetFile };

/** Writes a checked image's bytes under a fresh key; an UploadError ("storage…") when the backend fails. */
async function storeBytes(bytes: Buffer): Promise<string> {
  const key = newStorageKey("site");
  try {
    const stored = await storage().put(key, bytes);
    if (stored.size !== bytes.length) throw new Error(`stored ${stored.size} bytes, expected ${bytes.length}`);
  } catch (error) {
    console.error(`Storing a site image under ${key} failed`, error);
    await deleteStoredFile(key);
    throw new UploadError(isStorageFault(error) ? "storageUnavailable" : "storage", undefined, { cause: error });
  }
  return key;
}

/**
 * Makes a checked image the site's `kind`: the bytes under a new key, the row
 * pointed at them, then the replaced object deleted (readers never meet a row
 * without its bytes). A failure leaves the previous image in place.
 */
export async function storeSiteImage(kind: SiteAssetKind, image: PreparedSiteImage): Promise<StoredSiteImage> {
  const storageKey = await storeBytes(image.bytes);
  const after: SiteAssetFile = {
    storageKey,
    mediaType: image.mediaType,
    byteSize: image.bytes.length,
    sha256: createHash("sha256").update(image.bytes).digest("hex"),
    width: image.width,
    height: image.height,
  };
  let before: SiteAssetFile | null;
  try {
    before = await putSiteAssetRecord(kind, after);
  } catch (error) {
    await deleteStoredFile(storageKey);
    throw error;
  }
  if (before) await deleteStoredFile(before.storageKey);
  return { before, after };
}

/** Forgets the site's `kind` image, the row first (readers stop seeing it), then its bytes; null when there was none. */
export async function removeSiteImage(kind: SiteAssetKind): Promise<SiteAssetFile | null> {
  const removed = await deleteSiteAssetRecord(kind);
  if (removed) await deleteStoredFile(removed.storageKey);
  return removed;
}

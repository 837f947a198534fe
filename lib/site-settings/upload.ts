import "server-only";
import { readFile } from "node:fs/promises";
import { UploadError } from "@/lib/uploads/errors";
import { uploadTempDir } from "@/lib/uploads/incoming";
import { receiveToTempFile } from "@/lib/uploads/receive";
import { storeSiteImage, type StoredSiteImage } from "./assets";
import { SITE_IMAGE_RULES } from "./image-rules";
import { prepareSiteImage, type SiteImageProblem } from "./images";
import type { UploadFailure } from "./image-messages";
import type { SiteAssetKind } from "./types";

export type SiteImageUpload =
  { ok: true; stored: StoredSiteImage } | { ok: false; problem: SiteImageProblem | { code: UploadFailure }; status: number };

const refusal = (problem: SiteImageProblem): SiteImageUpload => ({
  ok: false,
  problem,
  status: problem.code === "tooLarge" ? 413 : 400,
});

/** What went wrong receiving or storing, as the settings page names it. */
function failureOf(error: UploadError, kind: SiteAssetKind): SiteImageUpload {
  switch (error.code) {
    case "tooLarge":
      return refusal({ code: "tooLarge", limit: SITE_IMAGE_RULES[kind].maxBytes });
    case "empty":
      return refusal({ code: "empty" });
    case "storageUnavailable":
      return { ok: false, problem: { code: "storageUnavailable" }, status: 503 };
    default:
      return { ok: false, problem: { code: "storage" }, status: 500 };
  }
}

/**
 * Receives a request body (the image's bytes, nothing else: its name and
 * declared type are ignored), checks it for `kind`, and makes it the site's
 * image. Past the size limit reading stops; a refusal stores nothing.
 */
export async function uploadSiteImage(kind: SiteAssetKind, request: Request): Promise<SiteImageUpload> {
  let bytes: Buffer;
  try {
    const file = await receiveToTempFile(request, { maxBytes: SITE_IMAGE_RULES[kind].maxBytes, dir: uploadTempDir() });
    try {
      bytes = await readFile(file.path);
    } finally {
      await file.dispose();
    }
  } catch (error) {
    if (error instanceof UploadError) return failureOf(error, kind);
    throw error;
  }
  const checked = prepareSiteImage(kind, bytes);
  if (!checked.ok) return refusal(checked.problem);
  try {
    return { ok: true, stored: await storeSiteImage(kind, checked.image) };
  } catch (error) {
    if (error instanceof UploadError) return failureOf(error, kind);
    throw error;
  }
}

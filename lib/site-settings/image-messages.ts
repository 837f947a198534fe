// Why an image was refused, as the settings page says it: a message key of the
// SettingsAdmin namespace and its values. Shared by the upload route and the
// page's own check before sending, so both say the same thing. The caller adds
// `types`, the accepted formats' names (images.types.<kind>), for "type".
import { formatBytes } from "@/lib/format";
import type { SiteImageProblem } from "./images";

/** A refusal the route itself answers with, besides the image's own problems. */
export type UploadFailure = "required" | "storage" | "storageUnavailable" | "network" | "signedOut" | "unknown";

type ErrorKey = SiteImageProblem["code"] | UploadFailure;

export type ImageMessage = {
  key: `images.errors.${ErrorKey}`;
  values: Record<string, string | number>;
};

/** The message for a refusal; sizes are written as `locale` writes numbers. */
export function imageProblemMessage(problem: SiteImageProblem | { code: UploadFailure }, locale: string): ImageMessage {
  const key = `images.errors.${problem.code}` as const;
  switch (problem.code) {
    case "tooLarge":
      return { key, values: { limit: formatBytes(problem.limit, locale) } };
    case "tooSmall":
      return { key, values: { width: problem.width, height: problem.height, min: problem.min } };
    case "tooBig":
      return { key, values: { width: problem.width, height: problem.height, max: problem.max } };
    case "svgScript":
      return { key, values: { detail: problem.detail } };
    case "svgExternal":
      return { key, values: { reference: problem.reference } };
    default:
      return { key, values: {} };
  }
}

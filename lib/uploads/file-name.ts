import { UploadError } from "./errors";

export const FILE_NAME_HEADER = "X-File-Name";
export const FILE_NAME_MAX_LENGTH = 255;

// C0/C1 controls and bidi overrides: an RTL override can disguise an extension ("evil\u202efdp.exe").
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The original file name from the `X-File-Name` header (`encodeURIComponent`
 * of the name): decoded, NFC, without any path or control characters. It is
 * only ever shown and offered for download; storage keys never derive from it.
 */
export function parseUploadFileName(header: string | null): string {
  if (header === null || header.trim() === "") throw new UploadError("badName", "The file name is missing.");
  let decoded: string;
  try {
    decoded = decodeURIComponent(header.trim());
  } catch {
    throw new UploadError("badName", "The file name is not valid (it must be sent percent-encoded as UTF-8).");
  }
  const lastSegment = decoded.normalize("NFC").split(/[/\\]/).at(-1) ?? "";
  const name = lastSegment.replace(UNSAFE_CHARACTERS, "").trim();
  if (name === "" || name === "." || name === "..") throw new UploadError("badName", "The file name is missing.");
  if ([...name].length > FILE_NAME_MAX_LENGTH) {
    throw new UploadError("badName", `The file name is too long (at most ${FILE_NAME_MAX_LENGTH} characters).`);
  }
  return name;
}

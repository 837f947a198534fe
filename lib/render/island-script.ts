import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import { ISLAND_FILE_PATTERN, ISLANDS_DIR } from "./island-files";

let found: string | null | undefined;

/**
 * The URL of the islands' script this build wrote (scripts/lib/islands-bundle.ts),
 * or null when there is none: the page then reads as well, without its tools.
 */
export function islandScriptSrc(): string | null {
  if (found === undefined) {
    let files: string[] = [];
    try {
      files = readdirSync(path.join(process.cwd(), "public", ISLANDS_DIR));
    } catch {
      // no bundle written: found stays null
    }
    const file = files.find((f) => ISLAND_FILE_PATTERN.test(f));
    found = file ? `/${ISLANDS_DIR}/${file}` : null;
  }
  return found;
}

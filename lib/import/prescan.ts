import { readLines } from "./read-lines";

/** What the importer must know of every line before importing any: translations may point forward. */
export type ArchiveIndex = {
  /** Non-blank lines of publications.jsonl. */
  total: number;
  /** Each legacy id's first line and its language as written (checked later with the rest of the line). */
  byLegacyId: Map<string, { line: number; language: unknown }>;
  /** A line repeating an earlier line's legacy id → that earlier line. */
  duplicateOf: Map<number, number>;
};

/** One streaming pass over publications.jsonl keeping only legacy ids and languages. */
export async function indexArchive(file: string): Promise<ArchiveIndex> {
  const index: ArchiveIndex = { total: 0, byLegacyId: new Map(), duplicateOf: new Map() };
  for await (const { line, text } of readLines(file)) {
    index.total++;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue; // refused with its reason when the line's turn comes
    }
    const { legacyId, language } = (json ?? {}) as { legacyId?: unknown; language?: unknown };
    if (typeof legacyId !== "string") continue;
    const first = index.byLegacyId.get(legacyId.trim());
    if (first) index.duplicateOf.set(line, first.line);
    else index.byLegacyId.set(legacyId.trim(), { line, language });
  }
  return index;
}

import "server-only";
import {
  checkArchiveReferences,
  findImportedPaper,
  findLegacyLanguage,
  findLegacyUrlOwner,
  findReportNumberOwner,
  linkArchiveTranslation,
  writeArchivePaper,
  type ArchiveAttachment,
  type ImportedPaper,
} from "@/lib/data/archive-import";
import { isPortalPath } from "@/lib/edge/routes";
import { canonicalLegacyUrl, type CanonicalLegacyUrl } from "@/lib/legacy-urls/canonical";
import { BODY_MAX_LENGTH, type ArchivePublication } from "@/lib/validations/archive";
import { reportNumberMatches } from "@/lib/validations/series";
import {
  downloadName,
  FileRefusal,
  importStorageKey,
  readAttachmentFacts,
  storeAttachmentFile,
  type CheckedFile,
} from "./attachments";
import { htmlToMarkdown } from "./html-to-markdown";
import { deleteStoredFiles } from "./stored-files";
import { lineHashOf, type ReadAhead } from "./read-ahead";
import type { ArchiveIndex } from "./prescan";
import { seriesFor, type SeriesBySlug } from "./series-pass";

type FieldRefusal = { field: string; reason: string };

/** What the run has learnt so far, so later lines (and a dry run, which writes nothing) can be checked against it. */
export type RunState = {
  folder: string;
  dryRun: boolean;
  index: ArchiveIndex;
  series: SeriesBySlug;
  /** "series|number|language" → the line that took it in this archive. */
  numbers: Map<string, { line: number; legacyId: string }>;
  /** "path?query" → the line that took the old address. */
  addresses: Map<string, { line: number; legacyId: string }>;
  /** Legacy ids imported, updated or unchanged in this run. */
  accepted: Set<string>;
  /** Created by earlier lines of a dry run (a real run finds them in the database). */
  knownTerms: Set<string>;
  knownAuthorKeys: Set<string>;
  /** Files checked and read ahead of their line. */
  readAhead: ReadAhead;
  /** Set for the second pass: a line whose translation is still missing is refused, not put off again. */
  finalPass: boolean;
};

export type LineOutcome =
  | { outcome: "imported" | "updated" | "unchanged" }
  | { outcome: "refused"; refusals: FieldRefusal[] }
  /** Its translation comes later in the file: the line waits for the second pass. */
  | { outcome: "deferred" };

async function checkTranslation(state: RunState, p: ArchivePublication): Promise<FieldRefusal | null> {
  if (p.translationOf === undefined) return null;
  const inArchive = state.index.byLegacyId.get(p.translationOf);
  const language = inArchive ? inArchive.language : await findLegacyLanguage(p.translationOf);
  if (language === null || language === undefined)
    return {
      field: "translationOf",
      reason: `points to "${p.translationOf}", which is neither in the archive nor in the database`,
    };
  if (language === p.language)
    return {
      field: "translationOf",
      reason: `points to "${p.translationOf}", which is also in "${p.language}": a translation must be in the other language`,
    };
  return null;
}

/** Whether the twin is in (or, in a dry run, would be), comes later in the file, or was refused. */
async function twinState(state: RunState, p: ArchivePublication, line: number): Promise<"ready" | "later" | FieldRefusal> {
  const target = p.translationOf;
  if (target === undefined || state.accepted.has(target) || (await findLegacyLanguage(target)) !== null) return "ready";
  const at = state.index.byLegacyId.get(target)?.line;
  if (at !== undefined && at > line && !state.finalPass) return "later";
  return { field: "translationOf", reason: `points to "${target}"${at === undefined ? "" : ` (line ${at})`}, which was refused` };
}

async function checkNumber(state: RunState, p: ArchivePublication, seriesId: number): Promise<FieldRefusal | null> {
  const key = `${p.series}|${p.number}|${p.language}`;
  const taken = state.numbers.get(key);
  if (taken && taken.legacyId !== p.legacyId)
    return {
      field: "number",
      reason: `report number "${p.number}" (${p.language}) of series "${p.series}" is already used on line ${taken.line}`,
    };
  const owner = seriesId > 0 ? await findReportNumberOwner(seriesId, p.number, p.language, p.legacyId) : null;
  if (owner)
    return {
      field: "number",
      reason: `report number "${p.number}" (${p.language}) of series "${p.series}" is already used by ${owner.legacyId ? `paper "${owner.legacyId}"` : `paper id ${owner.id} in the portal`}`,
    };
  return null;
}

async function checkAddresses(state: RunState, p: ArchivePublication, refusals: FieldRefusal[]): Promise<CanonicalLegacyUrl[]> {
  const urls: CanonicalLegacyUrl[] = [];
  for (const [i, raw] of p.legacyUrls.entries()) {
    const url = canonicalLegacyUrl(raw);
    const field = `legacyUrls[${i}]`;
    if (!url) {
      refusals.push({
        field,
        reason: `"${raw}" is not an old address this portal can match (a path like "/board/view.do?seq=12345")`,
      });
      continue;
    }
    // The portal's own paths never reach the old-address lookup (server/old-addresses.ts): "/" only with a query.
    if (url.path === "/" ? url.query === "" : isPortalPath(url.path)) {
      refusals.push({ field, reason: `"${raw}" is one of this portal's own addresses, so it cannot lead to an old paper` });
      continue;
    }
    const key = `${url.path}?${url.query}`;
    const taken = state.addresses.get(key);
    const owner = taken ? taken.legacyId : await findLegacyUrlOwner(url);
    if (owner !== null && owner !== p.legacyId)
      refusals.push({ field, reason: `"${raw}" already leads to paper "${owner}"${taken ? ` (line ${taken.line})` : ""}` });
    else if (!urls.some((u) => u.path === url.path && u.query === url.query)) urls.push(url);
  }
  return urls;
}

/** Refusals for bare slugs and key-only authors that exist neither in the database nor earlier in this dry run. */
async function checkReferences(state: RunState, p: ArchivePublication): Promise<FieldRefusal[]> {
  const unknown = {
    authors: p.authors.map((a) => (a.key !== undefined && state.knownAuthorKeys.has(a.key) ? { nameKo: "-", nameEn: "-" } : a)),
    topics: p.topics.map((t) =>
      typeof t === "string" && state.knownTerms.has(`topics:${t}`) ? { slug: t, nameKo: "-", nameEn: "-" } : t,
    ),
    regions: p.regions.map((t) =>
      typeof t === "string" && state.knownTerms.has(`regions:${t}`) ? { slug: t, nameKo: "-", nameEn: "-" } : t,
    ),
  };
  return checkArchiveReferences(unknown);
}

type PreparedFile = { attachment: ArchiveAttachment; checked?: CheckedFile };

async function checkAttachments(
  state: RunState,
  p: ArchivePublication,
  existing: ImportedPaper | null,
  refusals: FieldRefusal[],
) {
  const prepared: PreparedFile[] = [];
  for (const [i, a] of p.attachments.entries()) {
    const fileName = downloadName(a.path, a.name);
    if (fileName === null) {
      refusals.push({
        field: `attachments[${i}].name`,
        reason: "is not a usable file name (empty, or longer than 255 characters)",
      });
      continue;
    }
    try {
      const checked = await state.readAhead.check(a.path);
      if (prepared.some((f) => f.attachment.sha256 === checked.sha256)) continue; // the same bytes twice: one file
      if (existing?.attachments.some((row) => row.sha256 === checked.sha256)) {
        prepared.push({ attachment: { sha256: checked.sha256, fileName } });
        continue;
      }
      const facts = await readAttachmentFacts(checked, a.path);
      const file = {
        byteSize: checked.byteSize,
        pageCount: facts.pageCount,
        extractedText: facts.text || null,
        storageKey: importStorageKey(checked.sha256, p.legacyId),
      };
      prepared.push({ attachment: { sha256: checked.sha256, fileName, file }, checked });
    } catch (error) {
      if (!(error instanceof FileRefusal)) throw error;
      refusals.push({ field: `attachments[${i}].path`, reason: error.message });
    }
  }
  return prepared;
}

function remember(state: RunState, p: ArchivePublication, line: number, urls: CanonicalLegacyUrl[]) {
  state.accepted.add(p.legacyId);
  state.numbers.set(`${p.series}|${p.number}|${p.language}`, { line, legacyId: p.legacyId });
  for (const u of urls) state.addresses.set(`${u.path}?${u.query}`, { line, legacyId: p.legacyId });
  for (const a of p.authors) if (a.key !== undefined && a.nameKo !== undefined) state.knownAuthorKeys.add(a.key);
  for (const kind of ["topics", "regions"] as const)
    for (const t of p[kind]) if (typeof t !== "string") state.knownTerms.add(`${kind}:${t.slug}`);
}

/** Checks, resolves and (unless a dry run) writes one valid line. */
export async function importPaperLine(state: RunState, p: ArchivePublication, line: number, text: string): Promise<LineOutcome> {
  const first = state.index.duplicateOf.get(line);
  if (first !== undefined)
    return {
      outcome: "refused",
      refusals: [
        { field: "legacyId", reason: `"${p.legacyId}" is already used on line ${first}; each paper needs its own legacyId` },
      ],
    };

  const lineHash = lineHashOf(text);
  const existing = await findImportedPaper(p.legacyId);
  if (existing && existing.legacyLineHash === lineHash) {
    remember(state, p, line, []);
    return { outcome: "unchanged" };
  }

  const translation = await checkTranslation(state, p);
  if (translation) return { outcome: "refused", refusals: [translation] };
  const twin = await twinState(state, p, line);
  if (twin === "later") return { outcome: "deferred" };
  if (twin !== "ready") return { outcome: "refused", refusals: [twin] };

  const refusals: FieldRefusal[] = [];
  const series = await seriesFor(state.series, p.series);
  if (!series)
    refusals.push({
      field: "series",
      reason: `unknown series "${p.series}": add it to series.jsonl or create it in the portal first`,
    });
  else if (!reportNumberMatches(series.reportNumberPattern, p.number))
    refusals.push({
      field: "number",
      reason: `"${p.number}" does not match the series' report number pattern ${series.reportNumberPattern}`,
    });
  const numberTaken = series ? await checkNumber(state, p, series.id) : null;
  if (numberTaken) refusals.push(numberTaken);
  const urls = await checkAddresses(state, p, refusals);
  refusals.push(...(await checkReferences(state, p)));
  const body = p.bodyFormat === "html" ? htmlToMarkdown(p.body) : p.body;
  if (body.length > BODY_MAX_LENGTH)
    refusals.push({
      field: "body",
      reason: `is too long once converted to Markdown (at most ${BODY_MAX_LENGTH.toLocaleString("en")} characters)`,
    });
  const files = await checkAttachments(state, p, existing, refusals);
  if (refusals.length > 0 || !series) return { outcome: "refused", refusals };

  const outcome = existing ? "updated" : "imported";
  if (state.dryRun) {
    remember(state, p, line, urls);
    return { outcome };
  }

  for (const f of files) if (f.checked && f.attachment.file) await storeAttachmentFile(f.checked, f.attachment.file.storageKey);
  // A paper with a translation keeps no hash until it is linked: an interrupted run applies the line again.
  const written = await writeArchivePaper({
    legacyId: p.legacyId,
    lineHash: p.translationOf === undefined ? lineHash : null,
    seriesId: series.id,
    line: p,
    body,
    attachments: files.map((f) => f.attachment),
    legacyUrls: urls,
  });
  if (!written.ok) return { outcome: "refused", refusals: [written.refusal] };
  await deleteStoredFiles(written.removedStorageKeys);
  // The twin is in (twinState): linking stores the hash, so a run stopped in between applies the line again.
  if (p.translationOf !== undefined) await linkArchiveTranslation(p.legacyId, p.translationOf, lineHash);
  remember(state, p, line, urls);
  return { outcome: written.outcome };
}

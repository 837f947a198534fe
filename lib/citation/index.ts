import { formatApa } from "./apa";
import { formatBibtex } from "./bibtex";
import { formatChicago } from "./chicago";
import { formatRis } from "./ris";
import type { CitationData } from "./types";

export { formatApa } from "./apa";
export { bibtexKey, escapeBibtex, formatBibtex } from "./bibtex";
export { formatChicago } from "./chicago";
export { initials, invertedName, splitName, type PersonName } from "./names";
export { formatRis } from "./ris";
export type { CitationAuthor, CitationData, CitationLanguage } from "./types";

export type Citations = { apa: string; chicago: string; bibtex: string; ris: string };

/** Every format at once, as the publication page shows them. */
export function buildCitations(data: CitationData): Citations {
  return { apa: formatApa(data), chicago: formatChicago(data), bibtex: formatBibtex(data), ris: formatRis(data) };
}

/** The downloadable formats and how they are served. */
export const CITATION_FILES = {
  bibtex: { format: formatBibtex, contentType: "application/x-bibtex; charset=utf-8", extension: "bib" },
  ris: { format: formatRis, contentType: "application/x-research-info-systems; charset=utf-8", extension: "ris" },
} as const satisfies Record<string, { format: (data: CitationData) => string; contentType: string; extension: string }>;

export type CitationFileFormat = keyof typeof CITATION_FILES;

export function isCitationFileFormat(value: string): value is CitationFileFormat {
  return Object.hasOwn(CITATION_FILES, value);
}

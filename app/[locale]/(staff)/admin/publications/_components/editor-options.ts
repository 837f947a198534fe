import "server-only";
import { listAuthorsForPicker, listTranslationCandidates } from "@/lib/data/admin-publications";
import { listSeriesForEditor } from "@/lib/data/series";
import { listRegions, listTopics } from "@/lib/data/tags";

/**
 * The choices the editor form offers, named in the page's language. Archived
 * series are offered only to the paper already in one (`current`).
 */
export async function loadEditorOptions(locale: string, language: "ko" | "en", current?: { id: number; seriesId: number }) {
  const [series, topics, regions, authors, translations] = await Promise.all([
    listSeriesForEditor(current?.seriesId),
    listTopics(),
    listRegions(),
    listAuthorsForPicker(),
    listTranslationCandidates(language, current?.id),
  ]);
  const name = (r: { nameKo: string; nameEn: string }) => (locale === "ko" ? r.nameKo : r.nameEn);
  return {
    series: series.map((s) => ({ id: s.id, label: name(s), pattern: s.reportNumberPattern })),
    topics: topics.map((x) => ({ id: x.id, label: name(x) })),
    regions: regions.map((x) => ({ id: x.id, label: name(x) })),
    authors,
    translations: translations.map((p) => ({ id: p.id, label: `${p.reportNumber} · ${p.title}` })),
  };
}

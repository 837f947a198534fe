import "server-only";
import { listAuthorsForPicker, listTranslationCandidates } from "@/lib/data/admin-publications";
import { listSeries } from "@/lib/data/series";
import { listRegions, listTopics } from "@/lib/data/tags";

/** The choices the editor form offers, named in the page's language. */
export async function loadEditorOptions(locale: string, language: "ko" | "en", exceptId?: number) {
  const [series, topics, regions, authors, translations] = await Promise.all([
    listSeries(),
    listTopics(),
    listRegions(),
    listAuthorsForPicker(),
    listTranslationCandidates(language, exceptId),
  ]);
  const name = (r: { nameKo: string; nameEn: string }) => (locale === "ko" ? r.nameKo : r.nameEn);
  return {
    series: series.map((s) => ({ id: s.id, label: name(s) })),
    topics: topics.map((x) => ({ id: x.id, label: name(x) })),
    regions: regions.map((x) => ({ id: x.id, label: name(x) })),
    authors,
    translations: translations.map((p) => ({ id: p.id, label: `${p.reportNumber} · ${p.title}` })),
  };
}

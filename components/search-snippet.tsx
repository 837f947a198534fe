import type { ResultSnippet } from "@/lib/data/search-snippets";
import type { Translator } from "@/lib/i18n/translator";
import { MarkedText } from "./marked-text";

/** Under a search result: where it matched ("Found in the PDF, page 3") and the words in their context. */
export function SearchSnippet({ snippet, t }: { snippet: ResultSnippet; t: Translator<"Listing"> }) {
  const where =
    snippet.where === "pdf"
      ? t("foundInPdf", { page: snippet.page ?? 1 })
      : snippet.where === "summary"
        ? t("foundInSummary")
        : snippet.where === "subjects"
          ? t("foundInSubjects")
          : t("foundInText");
  return (
    <p className="pub-list__snippet">
      <span className="pub-list__found">{where}</span>{" "}
      <span className="pub-list__excerpt">
        {snippet.leading ? "… " : null}
        <MarkedText text={snippet.text} marks={snippet.marks} />
        {snippet.trailing ? " …" : null}
      </span>
    </p>
  );
}

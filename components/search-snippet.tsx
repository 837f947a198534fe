import type { ResultSnippet } from "@/lib/data/search-snippets";
import type { Translator } from "@/lib/i18n/translator";
import { MarkedText } from "./marked-text";

/** What a snippet's label says for each place but a PDF's page, which names its page. */
const FOUND_IN = {
  summary: "foundInSummary",
  body: "foundInText",
  subjects: "foundInSubjects",
} as const satisfies Record<Exclude<ResultSnippet["where"], "pdf">, string>;

/** Under a search result: where it matched ("Found in the PDF, page 3") and the words in their context. */
export function SearchSnippet({ snippet, t }: { snippet: ResultSnippet; t: Translator<"Listing"> }) {
  const where = snippet.where === "pdf" ? t("foundInPdf", { page: snippet.page ?? 1 }) : t(FOUND_IN[snippet.where]);
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

import { getTranslations } from "next-intl/server";
import type { ResultSnippet } from "@/lib/data/search-snippets";

/** Text with the query's words in <mark>: plain text nodes only, never HTML from the paper. */
function marked(snippet: ResultSnippet) {
  const out: React.ReactNode[] = [];
  let at = 0;
  snippet.marks.forEach((m, i) => {
    if (m.start > at) out.push(snippet.text.slice(at, m.start));
    out.push(<mark key={i}>{snippet.text.slice(m.start, m.end)}</mark>);
    at = m.end;
  });
  if (at < snippet.text.length) out.push(snippet.text.slice(at));
  return out;
}

/** Under a search result: where it matched ("Found in the PDF, page 3") and the words in their context. */
export async function SearchSnippet({ snippet }: { snippet: ResultSnippet }) {
  const t = await getTranslations("Listing");
  const where =
    snippet.where === "pdf"
      ? t("foundInPdf", { page: snippet.page ?? 1 })
      : snippet.where === "summary"
        ? t("foundInSummary")
        : t("foundInText");
  return (
    <p className="pub-list__snippet">
      <span className="pub-list__found">{where}</span>{" "}
      <span className="pub-list__excerpt">
        {snippet.leading ? "… " : null}
        {marked(snippet)}
        {snippet.trailing ? " …" : null}
      </span>
    </p>
  );
}

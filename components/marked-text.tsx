/**
 * Text with the given spans in <mark>, as text nodes only (never HTML from a
 * paper), for the search results. "Search in this paper" builds the same
 * with DOM calls in the browser (islands/find-in-paper.ts), where no React runs.
 */
export function MarkedText({ text, marks }: { text: string; marks: { start: number; end: number }[] }) {
  const out: React.ReactNode[] = [];
  let at = 0;
  marks.forEach((m, i) => {
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(<mark key={i}>{text.slice(m.start, m.end)}</mark>);
    at = m.end;
  });
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}

/**
 * Text with the given spans in <mark>, as text nodes only (never HTML from a
 * paper). No hooks and no server imports: search results (a server
 * component) and "Search in this paper" (a client one) both use it.
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

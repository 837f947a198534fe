"use client";

import { useEffect, useRef, type ReactNode } from "react";

/** Below this width the filters fold away, so a phone's first screen shows results (matches globals.css). */
const NARROW = "(max-width: 55.99rem)";

/**
 * The catalogue's filters in a disclosure: open on a wide screen (its summary
 * hidden by CSS), folded on a phone once the page runs, where its summary
 * says how many filters are on. Without JavaScript it stays open.
 */
export function FiltersFold({ summary, children }: { summary: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(NARROW).matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} className="catalogue__fold" open>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

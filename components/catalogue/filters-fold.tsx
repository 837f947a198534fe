"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { PLAIN_SCRIPT_ATTRIBUTE } from "@/lib/render/plain-script";

/** Below this width the filters fold away, so a phone's first screen shows results (matches globals.css). */
const NARROW = "(max-width: 55.99rem)";

/**
 * Folds the disclosure on a phone while the browser is still reading the
 * page, before anything is painted. Folding it once the page's script ran
 * moved every result up under the reader's eyes (Lighthouse: layout shift
 * 0.4, performance 80 on the listing).
 */
const FOLD_BEFORE_PAINT = `if(matchMedia(${JSON.stringify(NARROW)}).matches)document.currentScript.parentElement.open=false`;

/**
 * The catalogue's filters in a disclosure: open on a wide screen (its summary
 * hidden by CSS), folded on a phone, where its summary says how many filters
 * are on. Without JavaScript it stays open.
 */
export function FiltersFold({ summary, children }: { summary: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  // A page reached inside the site is rendered here, where the inline script does not run.
  useEffect(() => {
    if (ref.current && window.matchMedia(NARROW).matches) ref.current.open = false;
  }, []);
  return (
    <details ref={ref} className="catalogue__fold" open>
      <summary>{summary}</summary>
      {/* Kept in the page sent without React (server/plain-pages.ts). */}
      <script {...{ [PLAIN_SCRIPT_ATTRIBUTE]: "" }} dangerouslySetInnerHTML={{ __html: FOLD_BEFORE_PAINT }} />
      {children}
    </details>
  );
}

// What a paper's page carries for the server that stores it
// (server/stored-pages.ts):
// - the hit figure, written so that the server can put the current figure in
//   a page stored long before. The page writes it as the element's inner
//   HTML: React, hydrating, keeps whatever the server sent there, so a figure
//   newer than the one in the page's component data costs no mismatch;
// - the stored pages' epoch the page was rendered at (read before anything
//   else it shows): the page is stored only if no change has come since.
import escapeHtml from "escape-html";
import { formatNumber } from "@/lib/format";

/** The attribute that marks the element holding the figure; its inner HTML is the figure alone. */
export const HIT_FIGURE_ATTRIBUTE = "data-hit-figure";
const FIGURE_OPENING = `${HIT_FIGURE_ATTRIBUTE}="">`;

/** The attribute on the page's main element that holds the epoch it was rendered at. */
export const EPOCH_ATTRIBUTE = "data-stored-epoch";
const EPOCH = new RegExp(`${EPOCH_ATTRIBUTE}="(\\d{1,19})"`);

/** The element's inner HTML, for `dangerouslySetInnerHTML`. */
export function hitFigureHtml(hits: number, locale: string): { __html: string } {
  return { __html: escapeHtml(formatNumber(hits, locale)) };
}

/** `html` with the figure in its marked element replaced by `hits`; unchanged if it has no such element. */
export function withHitFigure(html: string, hits: number, locale: string): string {
  const start = html.indexOf(FIGURE_OPENING);
  if (start === -1) return html;
  const from = start + FIGURE_OPENING.length;
  const to = html.indexOf("<", from);
  if (to === -1) return html;
  return html.slice(0, from) + escapeHtml(formatNumber(hits, locale)) + html.slice(to);
}

/** The epoch a page was rendered at, or null if it carries none. */
export function renderedEpoch(html: string): bigint | null {
  const m = EPOCH.exec(html);
  return m ? BigInt(m[1]!) : null;
}

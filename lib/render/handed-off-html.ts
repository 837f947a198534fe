// Large HTML a server component renders into the page once, outside React's
// component data. A page's HTML normally carries every server component's
// output twice: as markup, and again in the component data Next embeds for
// hydration (`self.__next_f.push(...)`). A paper's body is most of the page,
// so it would weigh double. Instead the server component hands the HTML over
// here and passes on a key; the client component that shows it reads it back
// while the server renders the page's markup (same process, same moment), and
// the browser keeps the markup the server wrote. The paper's body is the one
// user: app/[locale]/(site)/publications/[id]/_components/paper-body.tsx.
//
// A render-time hand-over, not state: an entry is read within the render that
// wrote it, and is kept briefly only so concurrent renders of the same page share it.
import "server-only";
import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { HANDOFF_SLOT, type HandOffStore } from "./handoff-slot";

// An entry is read back within the render that wrote it, a few milliseconds later, and papers' pages
// are rendered a few at a time (RENDERS_AT_ONCE): 8 MB holds about twenty of the longest bodies the
// portal takes (200,000 characters of Markdown make about as many of HTML), some 80 real-size ones.
// What is kept beyond that is only resident memory: 32 MB, as it was, is a twelfth of the 400 MB the
// portal's processes may use together. Should an entry go before it is read, the page still shows
// the body: the browser fetches it (paper-body.tsx).
const MAX_BYTES = 8 * 1024 * 1024;
const KEEP_MS = 60 * 1000;

function store(): HandOffStore {
  const slot = globalThis as { [HANDOFF_SLOT]?: HandOffStore };
  return (slot[HANDOFF_SLOT] ??= new LRUCache<string, string>({
    maxSize: MAX_BYTES,
    sizeCalculation: (html) => html.length * 2 + 64,
    ttl: KEEP_MS,
  }));
}

/** Keeps `html` for the render now running; returns the key its client component reads it back by. */
export function handOffHtml(html: string): string {
  // Named by its content: the same body rendered again (another language's page, a regeneration) shares one entry.
  const key = createHash("sha256").update(html).digest("base64url").slice(0, 22);
  store().set(key, html);
  return key;
}

// Where handed-over HTML lives during a render (lib/render/handed-off-html.ts).
// Apart from that module so a client component can read the slot without
// bundling the store: in the browser the slot is simply empty.

export const HANDOFF_SLOT = Symbol.for("perspectives.handed-off-html");

export type HandOffStore = { get(key: string): string | undefined; set(key: string, html: string): unknown };

/** The HTML handed over under `key`, while the server renders; undefined in the browser. */
export function readHandedOffHtml(key: string): string | undefined {
  return (globalThis as { [HANDOFF_SLOT]?: HandOffStore })[HANDOFF_SLOT]?.get(key);
}

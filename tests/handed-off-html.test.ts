// The hand-over of a paper's body from the page's server component to the
// client component that writes it into the page's markup, outside React's
// component data (lib/render/handed-off-html.ts).
import { describe, expect, it } from "vitest";
import { handOffHtml } from "@/lib/render/handed-off-html";
import { HANDOFF_SLOT, readHandedOffHtml } from "@/lib/render/handoff-slot";

describe("handing a body's HTML over to the render", () => {
  it("gives it back by its key, the same key for the same HTML and another for other HTML", () => {
    // Arrange
    const body = `<h2 id="section-a">A</h2><p>${"Text. ".repeat(2_000)}</p>`;

    // Act
    const key = handOffHtml(body);

    // Assert
    expect(readHandedOffHtml(key)).toBe(body);
    expect(handOffHtml(body)).toBe(key);
    expect(handOffHtml(`${body} `)).not.toBe(key);
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("has nothing for an unknown key, nor where no store exists (the browser)", () => {
    // Arrange
    const key = handOffHtml("<p>Handed over on the server.</p>");
    const slot = globalThis as { [HANDOFF_SLOT]?: unknown };
    const store = slot[HANDOFF_SLOT];

    // Act: read as the browser would, where the slot was never filled.
    delete slot[HANDOFF_SLOT];
    const inBrowser = readHandedOffHtml(key);
    slot[HANDOFF_SLOT] = store;

    // Assert
    expect(inBrowser).toBeUndefined();
    expect(readHandedOffHtml("unknown-key-unknown-ke")).toBeUndefined();
    expect(readHandedOffHtml(key)).toBe("<p>Handed over on the server.</p>");
  });
});

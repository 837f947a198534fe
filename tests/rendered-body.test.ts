// A paper's rendered body is stored and read back (lib/publications/rendered-body.ts),
// against the real database: what readers get must always be the rendering of
// the Markdown the paper holds now, by the renderer the portal runs now.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getPublicPublication } from "@/lib/data/publications";
import { saveRenderedBody } from "@/lib/data/rendered-bodies";
import { renderMarkdown } from "@/lib/markdown/render";
import { paperBody, renderingKey } from "@/lib/publications/rendered-body";
import { createPublication, createSeries } from "./support/factories";

async function paperWith(body: string) {
  const series = await createSeries();
  const { id } = await createPublication({ seriesId: series.id, body });
  return id;
}

/** The paper as its page reads it: Markdown and stored rendering together. */
async function pageRead(id: number) {
  const paper = await getPublicPublication(id);
  if (!paper) throw new Error(`paper ${id} is not public`);
  return paper;
}

const stored = (id: number) => db.renderedBody.findUnique({ where: { publicationId: id } });

describe("a paper's stored rendering", () => {
  it("is made at the first read, and read back instead of rendering again", async () => {
    const body = "## 1. Introduction\n\nThe alliance *matters*.\n\n### Detail\n\nMore.";
    const id = await paperWith(body);
    expect(await stored(id)).toBeNull();

    const first = await paperBody(await pageRead(id));
    expect(first).toEqual(await renderMarkdown(body));
    await vi.waitFor(async () => expect((await stored(id))?.sourceHash).toBe(renderingKey(body)), { timeout: 5000 });

    // Marked, so that only a rendering read from the database can show the mark.
    await db.renderedBody.update({ where: { publicationId: id }, data: { html: "<p>from the store</p>" } });
    const again = await paperBody(await pageRead(id));
    expect(again.html).toBe("<p>from the store</p>");
    expect(again.toc).toEqual(first.toc);
  });

  it("is not used once the body has been edited: the new body is rendered and stored", async () => {
    const id = await paperWith("## Old\n\nold text");
    await paperBody(await pageRead(id));
    await vi.waitFor(async () => expect(await stored(id)).not.toBeNull(), { timeout: 5000 });

    await db.publication.update({ where: { id }, data: { body: "## New\n\nnew text" } });
    const read = await paperBody(await pageRead(id));
    expect(read.html).toContain("new text");
    expect(read.toc.map((t) => t.text)).toEqual(["New"]);
    await vi.waitFor(async () => expect((await stored(id))?.sourceHash).toBe(renderingKey("## New\n\nnew text")), {
      timeout: 5000,
    });
    expect((await stored(id))?.html).toContain("new text");
  });

  it("is not used when another renderer made it, or its contents are not a table of contents", async () => {
    const body = "## Kept\n\ntext";
    const id = await paperWith(body);
    await db.renderedBody.create({
      data: {
        publicationId: id,
        sourceHash: createHash("sha256").update(`0\0${body}`).digest("hex"),
        html: "<p>old</p>",
        toc: [],
      },
    });
    expect((await paperBody(await pageRead(id))).html).toContain("text");

    await vi.waitFor(async () => expect((await stored(id))?.sourceHash).toBe(renderingKey(body)), { timeout: 5000 });
    await db.renderedBody.update({ where: { publicationId: id }, data: { html: "<p>broken</p>", toc: { not: "a list" } } });
    const read = await paperBody(await pageRead(id));
    expect(read.html).not.toContain("broken");
    expect(read.toc).toEqual([{ id: "section-kept", text: "Kept", level: 2 }]);
  });

  it("is not kept, and no error is logged, for a paper deleted while it was being rendered", async () => {
    const id = await paperWith("## Brief\n\nsoon gone");
    const errors = vi.spyOn(console, "error");
    await db.publication.delete({ where: { id } });
    await saveRenderedBody(id, { sourceHash: renderingKey("## Brief\n\nsoon gone"), html: "<p>soon gone</p>", toc: [] });
    expect(await stored(id)).toBeNull();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("goes with its paper", async () => {
    const id = await paperWith("## Gone\n\nsoon");
    await paperBody(await pageRead(id));
    await vi.waitFor(async () => expect(await stored(id)).not.toBeNull(), { timeout: 5000 });
    await db.publication.delete({ where: { id } });
    expect(await stored(id)).toBeNull();
  });

  it("is keyed by a renderer version that must change with the renderer", () => {
    // Stored renderings outlive a deploy. When lib/markdown/render.ts changes what it
    // produces, raise RENDERER_VERSION there, or readers keep the old output; then
    // record the file's new hash here.
    const source = readFileSync("lib/markdown/render.ts", "utf8");
    expect(createHash("sha256").update(source).digest("hex").slice(0, 16)).toBe("f8d6e1a8f5b9ebd1");
  });
});

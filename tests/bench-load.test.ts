// The benchmark says what its searches' pages showed (scripts/bench/load.ts:
// `items`): a page of results costs far more than one saying nothing was
// found, so a search figure means little without it.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drive } from "@/scripts/bench/load";

const ITEM = '<li class="pub-list__item">';
// Each path's page holds as many items as the path says: /0, /3, /20.
const page = (items: number) => `<ol>${ITEM.repeat(items)}</ol>`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const items = Number(req.url?.slice(1));
    res.setHeader("content-type", "text/html");
    res.end(page(Number.isInteger(items) ? items : 0));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("what a run's pages showed", () => {
  it("counts each page's items, the pages with none and the full pages", async () => {
    // One connection, so the paths are asked in turn: 0, 3, 20, 20, 0, 3, 20, 20.
    const result = await drive(base, "pages", "/0", {
      connections: 1,
      seconds: 30,
      amount: 8,
      paths: ["/0", "/3", "/20", "/20"],
      items: { marker: ITEM, full: 20 },
    });
    expect(result.sent).toBe(8);
    expect(result.itemsShown).toEqual({ mean: 10.8, pages: 8, none: 2, full: 4 });
  });

  it("says nothing of items when not asked to count them", async () => {
    const result = await drive(base, "pages", "/3", { connections: 1, seconds: 30, amount: 2 });
    expect(result.itemsShown).toBeUndefined();
  });
});

// A search's statement is kept prepared on the search pool's connections once
// its shape comes back (lib/db-prepared.ts): planned a few times, then reused.
// It must find what an unprepared one finds, stay within its bound, and stay
// off on the embedded database (tests/embedded-postgres.test.ts runs that).
import { afterAll, describe, expect, it } from "vitest";
import { isPglite, MAX_NAMED, statementNames } from "@/lib/db-prepared";
import { endPools, searchDb } from "@/lib/db";
import { listPublications } from "@/lib/data/publications";
import { indexEveryQueuedPaper } from "./support/search-index";
import { createPublication, createSeries, uid } from "./support/factories";
import { killAfter, runCommand, supportScriptArgs } from "./support/run-command";

afterAll(() => endPools());

describe("statement names", () => {
  it("names a shape once it comes back, the same name for the same text, none before the server is known", () => {
    const names = statementNames("t");
    expect(names.nameFor("SELECT 1")).toBe("");
    names.allow(true);
    expect(names.nameFor("SELECT 1")).toBe("");
    const second = names.nameFor("SELECT 1");
    expect(second).toMatch(/^t_[0-9a-f]{20}$/);
    expect(names.nameFor("SELECT 1")).toBe(second);
    names.nameFor("SELECT 2");
    const other = names.nameFor("SELECT 2");
    expect(other).not.toBe("");
    expect(other).not.toBe(second);
    // Once the server is known to share one session among connections, nothing is named.
    names.allow(false);
    expect(names.nameFor("SELECT 1")).toBe("");
  });

  it("names at most MAX_NAMED shapes; the others run unnamed", () => {
    const names = statementNames("t");
    names.allow(true);
    const twice = (sql: string) => (names.nameFor(sql), names.nameFor(sql));
    const given = Array.from({ length: MAX_NAMED }, (_, i) => twice(`SELECT ${i}`));
    expect(new Set(given).size).toBe(MAX_NAMED);
    expect(given).not.toContain("");
    expect(twice("SELECT 'one more'")).toBe("");
    // The shapes already named keep their names.
    expect(names.nameFor("SELECT 0")).toBe(given[0]);
  });

  it("tells PGlite from PostgreSQL by version()", async () => {
    const [row] = await searchDb.$queryRaw<{ v: string }[]>`SELECT version() AS v`;
    expect(isPglite(row!.v)).toBe(false);
    expect(isPglite("PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten, compiled by emcc")).toBe(true);
  });
});

describe("a search run again", () => {
  it("is prepared on the connections that ran it, and finds what it found the first time", async () => {
    const word = `Preparedword${uid()}`;
    const seriesId = (await createSeries()).id;
    const papers = await Promise.all(
      [`${word} in the title`, `Plain title ${uid()}`].map((title, i) =>
        createPublication({ seriesId, title, body: i === 1 ? `The ${word} in the body.` : "" }),
      ),
    );
    await indexEveryQueuedPaper();
    const search = async () => (await listPublications({ locale: "en", q: word.toLowerCase() }, 1)).items.map((p) => p.id);
    const first = await search();
    expect(first).toEqual(papers.map((p) => p.id));
    for (const again of await Promise.all([search(), search(), search(), search()])) expect(again).toEqual(first);
    // Asked of every connection at once (the pool has three): the search's statement is kept on some,
    // planned for any words (a generic plan) from its first run as a named statement: none planned
    // for its values, as PostgreSQL's default does five times on each connection.
    const kept = await Promise.all(
      [0, 1, 2].map(
        () =>
          searchDb.$queryRaw<{ name: string; statement: string; generic: number; custom: number }[]>`
            SELECT name, statement, generic_plans::int AS generic, custom_plans::int AS custom
            FROM pg_prepared_statements, pg_sleep(0.2)`,
      ),
    );
    const searches = kept.flat().filter((s) => s.name.startsWith("search_") && s.statement.includes('"SearchDocument"'));
    expect(searches.length).toBeGreaterThan(0);
    for (const s of searches) expect({ generic: s.generic > 0, custom: s.custom }).toEqual({ generic: true, custom: 0 });
  });

  // A paper the script's searches find, so that they read its row and texts.
  const searchRepeatedly = async (env: NodeJS.ProcessEnv) => {
    const word = `Harbourword${uid()}`;
    await createPublication({ seriesId: (await createSeries()).id, title: `The ${word}`, body: `A ${word} in the body.` });
    await indexEveryQueuedPaper();
    const { code, stdout, stderr } = await runCommand(
      process.execPath,
      supportScriptArgs("search-repeatedly.ts", word.toLowerCase()),
      env,
      killAfter(45_000),
    );
    expect(stderr).not.toContain("Error");
    expect(code).toBe(0);
    const [pages, totals, prepared] = stdout.trim().split("\n").slice(-3);
    return {
      totals: JSON.parse(totals!) as number[],
      prepared: Number(/^prepared (\d+)$/.exec(prepared!)?.[1]),
      pages: Number(/^page statements prepared (\d+)$/.exec(pages!)?.[1]),
    };
  };

  it("runs from a script on several connections at once, its results' rows and texts read by prepared statements", async () => {
    const { totals, prepared, pages } = await searchRepeatedly(process.env);
    expect(totals).toEqual([1, 1, 1, 1]);
    expect(prepared).toBeGreaterThan(0);
    expect(pages).toBeGreaterThan(0);
  }, 60_000);

  it("stays unprepared with DATABASE_PREPARED_STATEMENTS=false (a pooler that cannot follow them)", async () => {
    const { totals, prepared, pages } = await searchRepeatedly({ ...process.env, DATABASE_PREPARED_STATEMENTS: "false" });
    expect(totals).toEqual([1, 1, 1, 1]);
    expect(prepared).toBe(0);
    expect(pages).toBe(0);
  }, 60_000);
});

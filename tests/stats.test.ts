// Statistics: the data functions against known DailyStat rows, the period parser,
// the CSV exports and the page's text alternative. Only the edges are stood in for:
// Auth.js's session lookup and next-intl's request-bound loader.
import { parse as parseDisposition } from "content-disposition";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/[locale]/(staff)/admin/stats/export/[table]/route";
import StatsPage from "@/app/[locale]/(staff)/admin/stats/page";
import {
  getBreakdownByLanguage,
  getBreakdownBySeries,
  getDailySeries,
  getPublicationStats,
  getTopPublications,
  getTotals,
  type DailyPoint,
  type StatTotals,
} from "@/lib/data/stats";
import { db } from "@/lib/db";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import { parseStatsRange, siteToday, STATS_RANGE_PROBLEMS } from "@/lib/validations/stats";
import { createPublication, createSeries, uid } from "./support/factories";

let sessionUserId: string | null = null;
vi.mock("@/lib/auth", () => ({
  auth: vi.fn(() => Promise.resolve(sessionUserId ? { user: { id: sessionUserId } } : null)),
  signIn: vi.fn(() => Promise.resolve(undefined)),
  signOut: vi.fn(() => Promise.resolve(undefined)),
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = {
    en: (await import("@/lib/i18n/messages/en.json")).default,
    ko: (await import("@/lib/i18n/messages/ko.json")).default,
  };
  const translator = (opts?: string | { locale?: string; namespace?: string }) => {
    const locale = typeof opts === "object" && opts.locale === "ko" ? "ko" : "en";
    const namespace = typeof opts === "string" ? opts : opts?.namespace;
    return Promise.resolve(createTranslator({ locale, messages: messages[locale], namespace: namespace as never }));
  };
  return { getTranslations: translator, getLocale: () => Promise.resolve("en"), setRequestLocale: () => undefined };
});

// Far in the past, so rows written by other test files (and the counting job's tests, which use today) stay out.
const RANGE = { from: "1999-03-01", to: "1999-03-10" };
const RANGE_QUERY = "from=1999-03-01&to=1999-03-10";
const KOREAN_TITLE = '북한-러시아 동맹, "신냉전"\n그리고 한국의 대응';
const FORMULA_TITLE = '=HYPERLINK("http://example.org") "quoted"';

type Row = { publicationId: number; day: string; views: number; downloads: number };
let analystId = "";
let seriesA: Awaited<ReturnType<typeof createSeries>>;
let seriesB: Awaited<ReturnType<typeof createSeries>>;
let seriesC: Awaited<ReturnType<typeof createSeries>>;
let p1: Awaited<ReturnType<typeof createPublication>>;
let p2: Awaited<ReturnType<typeof createPublication>>;
let p3: Awaited<ReturnType<typeof createPublication>>;
let p4: Awaited<ReturnType<typeof createPublication>>;
const before: { totals?: StatTotals; daily?: DailyPoint[]; language?: Awaited<ReturnType<typeof getBreakdownByLanguage>> } = {};

beforeAll(async () => {
  analystId = (await db.user.create({ data: { email: `analyst-${uid()}@stats.test`, role: "ANALYST" } })).id;
  [seriesA, seriesB, seriesC] = [await createSeries(), await createSeries(), await createSeries()];
  p1 = await createPublication({ seriesId: seriesA.id, language: "ko", title: KOREAN_TITLE, baseHits: 100 });
  p2 = await createPublication({ seriesId: seriesA.id, language: "en", title: `Line one ${uid()}\nline two` });
  p3 = await createPublication({ seriesId: seriesB.id, language: "en", title: FORMULA_TITLE });
  p4 = await createPublication({ seriesId: seriesB.id, language: "ko", title: `Never read ${uid()}` });

  // Global figures cannot be isolated by series: they are asserted as the difference our rows make.
  before.totals = await getTotals(RANGE);
  before.daily = await getDailySeries(RANGE);
  before.language = await getBreakdownByLanguage(RANGE);

  const rows: Row[] = [
    { publicationId: p1.id, day: "1999-02-28", views: 100, downloads: 100 }, // the day before the range
    { publicationId: p1.id, day: "1999-03-01", views: 5, downloads: 1 },
    { publicationId: p1.id, day: "1999-03-03", views: 7, downloads: 2 },
    { publicationId: p1.id, day: "1999-03-10", views: 1, downloads: 0 },
    { publicationId: p1.id, day: "1999-03-11", views: 50, downloads: 50 }, // the day after
    { publicationId: p2.id, day: "1999-03-03", views: 3, downloads: 4 },
    { publicationId: p2.id, day: "1999-03-05", views: 1234, downloads: 0 },
    { publicationId: p3.id, day: "1999-03-05", views: 13, downloads: 9 },
  ];
  await db.dailyStat.createMany({ data: rows.map((r) => ({ ...r, day: new Date(`${r.day}T00:00:00Z`) })) });
  // As the counting job does: the publication totals are its days summed.
  for (const p of [p1, p2, p3]) {
    const mine = rows.filter((r) => r.publicationId === p.id);
    await db.publication.update({
      where: { id: p.id },
      data: {
        viewCount: mine.reduce((n, r) => n + r.views, 0),
        downloadCount: mine.reduce((n, r) => n + r.downloads, 0),
      },
    });
  }
});

const minus = (after: StatTotals, was: StatTotals | undefined) => ({
  views: after.views - (was?.views ?? 0),
  downloads: after.downloads - (was?.downloads ?? 0),
});

describe("statistics data", () => {
  it("totals the counted views and downloads inside the range only", async () => {
    expect(minus(await getTotals(RANGE), before.totals)).toEqual({ views: 1263, downloads: 16 });
  });

  it("gives every day of the range in order, zero-filled", async () => {
    const daily = await getDailySeries(RANGE);
    const added = daily.map((d, i) => ({ day: d.day, ...minus(d, before.daily?.[i]) }));
    const zero = (day: string) => ({ day, views: 0, downloads: 0 });
    expect(added).toEqual([
      { day: "1999-03-01", views: 5, downloads: 1 },
      zero("1999-03-02"),
      { day: "1999-03-03", views: 10, downloads: 6 },
      zero("1999-03-04"),
      { day: "1999-03-05", views: 1247, downloads: 9 },
      zero("1999-03-06"),
      zero("1999-03-07"),
      zero("1999-03-08"),
      zero("1999-03-09"),
      { day: "1999-03-10", views: 1, downloads: 0 },
    ]);
  });

  it("fills days across a year end and a one-day range", async () => {
    expect((await getDailySeries({ from: "1998-12-30", to: "1999-01-02" })).map((d) => d.day)).toEqual([
      "1998-12-30",
      "1998-12-31",
      "1999-01-01",
      "1999-01-02",
    ]);
    const oneDay = await getDailySeries({ from: "1999-03-04", to: "1999-03-04" });
    expect(oneDay).toEqual([(await getDailySeries(RANGE))[3]]);
    expect(oneDay[0]?.day).toBe("1999-03-04");
  });

  it("breaks the range down by series, busiest first, unused series as zeros", async () => {
    const mine = new Set([seriesA.id, seriesB.id, seriesC.id]);
    const rows = (await getBreakdownBySeries(RANGE)).filter((r) => mine.has(r.seriesId));
    const row = (s: typeof seriesA, views: number, downloads: number) => ({
      seriesId: s.id,
      nameKo: s.nameKo,
      nameEn: s.nameEn,
      views,
      downloads,
    });
    expect(rows).toEqual([row(seriesA, 1250, 7), row(seriesB, 13, 9), row(seriesC, 0, 0)]);
  });

  it("breaks the range down by publication language, Korean first", async () => {
    const rows = await getBreakdownByLanguage(RANGE);
    expect(rows.map((r) => r.language)).toEqual(["ko", "en"]);
    expect(rows.map((r, i) => ({ language: r.language, ...minus(r, before.language?.[i]) }))).toEqual([
      { language: "ko", views: 13, downloads: 3 },
      { language: "en", views: 1250, downloads: 13 },
    ]);
  });

  it("lists the most viewed publications, downloads breaking ties, unused ones left out", async () => {
    const mine = new Set([p1.id, p2.id, p3.id, p4.id]);
    const top = await getTopPublications(RANGE);
    const row = (p: typeof p1, series: typeof seriesA, views: number, downloads: number) => ({
      id: p.id,
      title: p.title,
      reportNumber: p.reportNumber,
      language: p.language,
      seriesNameKo: series.nameKo,
      seriesNameEn: series.nameEn,
      views,
      downloads,
    });
    expect(top.filter((r) => mine.has(r.id))).toEqual([
      row(p2, seriesA, 1237, 4),
      row(p3, seriesB, 13, 9),
      row(p1, seriesA, 13, 3),
    ]);
    expect(await getTopPublications(RANGE, 2)).toEqual(top.slice(0, 2));
  });

  it("gives one publication's days, totals, all-time totals and public hit figure", async () => {
    const stats = await getPublicationStats(p1.id, RANGE);
    expect(stats).not.toBeNull();
    const zero = (day: string) => ({ day, views: 0, downloads: 0 });
    expect(stats?.daily).toEqual([
      { day: "1999-03-01", views: 5, downloads: 1 },
      zero("1999-03-02"),
      { day: "1999-03-03", views: 7, downloads: 2 },
      ...["04", "05", "06", "07", "08", "09"].map((d) => zero(`1999-03-${d}`)),
      { day: "1999-03-10", views: 1, downloads: 0 },
    ]);
    expect(stats?.totals).toEqual({ views: 13, downloads: 3 });
    expect(stats?.allTime).toEqual({ views: 163, downloads: 153 });
    expect(stats?.baseHits).toBe(100);
    // What readers see as "Hits": carried-over hits plus every counted view, on any day.
    const counted = await db.dailyStat.aggregate({ where: { publicationId: p1.id }, _sum: { views: true } });
    expect(stats?.publicHits).toBe(263);
    expect(stats?.publicHits).toBe(100 + (counted._sum.views ?? 0));
    expect(stats?.publication).toMatchObject({ id: p1.id, title: KOREAN_TITLE, language: "ko" });
  });

  it("gives a never-read publication zeros and its carried-over hits, and an unknown one nothing", async () => {
    const stats = await getPublicationStats(p4.id, RANGE);
    expect(stats?.daily).toHaveLength(10);
    expect(stats?.totals).toEqual({ views: 0, downloads: 0 });
    expect(stats?.publicHits).toBe(0);
    expect(await getPublicationStats(2_147_483_000, RANGE)).toBeNull();
  });
});

describe("the statistics period", () => {
  const TODAY = "2024-03-15";
  const range = (from: string, to: string, preset: string | null) => ({ from, to, preset });

  it("takes today from the Seoul calendar", () => {
    expect(siteToday(new Date("2024-03-14T15:00:00Z"))).toBe("2024-03-15");
    expect(siteToday(new Date("2024-03-14T14:59:59Z"))).toBe("2024-03-14");
  });

  it("turns presets into days ending today, and defaults to the last 30 days", () => {
    expect(parseStatsRange({}, TODAY)).toEqual({ range: range("2024-02-15", TODAY, "30d"), problem: null });
    expect(parseStatsRange({ preset: "7d" }, TODAY).range).toEqual(range("2024-03-09", TODAY, "7d"));
    expect(parseStatsRange({ preset: "30d" }, TODAY).range).toEqual(range("2024-02-15", TODAY, "30d"));
    expect(parseStatsRange({ preset: "365d" }, TODAY).range).toEqual(range("2023-03-17", TODAY, "365d"));
    expect(parseStatsRange({ preset: "ytd" }, TODAY).range).toEqual(range("2024-01-01", TODAY, "ytd"));
    expect(parseStatsRange({ preset: "ytd" }, "2024-01-01").range).toEqual(range("2024-01-01", "2024-01-01", "ytd"));
  });

  it("accepts custom days up to today and up to five years long", () => {
    expect(parseStatsRange({ from: "2024-03-15", to: "2024-03-15" }, TODAY)).toEqual({
      range: range("2024-03-15", "2024-03-15", null),
      problem: null,
    });
    expect(parseStatsRange({ from: "2019-03-15", to: TODAY }, TODAY).problem).toBeNull();
    expect(parseStatsRange({ from: "2000-02-29", to: "2000-03-01" }, TODAY).problem).toBeNull();
  });

  it.each([
    [{ preset: "90d" }, "invalidPreset"],
    [{ from: "2023-02-30", to: "2023-03-01" }, "invalidDate"],
    [{ from: "2023-13-01", to: "2023-12-31" }, "invalidDate"],
    [{ from: "yesterday", to: "2024-03-01" }, "invalidDate"],
    [{ from: "2024-3-1", to: "2024-03-02" }, "invalidDate"],
    [{ from: "2024-03-01" }, "missingDate"],
    [{ to: "2024-03-01" }, "missingDate"],
    [{ from: "2024-03-02", to: "2024-03-01" }, "fromAfterTo"],
    [{ from: "2024-03-01", to: "2024-03-16" }, "inFuture"],
    [{ from: "2024-03-16", to: "2024-03-20" }, "inFuture"],
    [{ from: "2019-03-14", to: TODAY }, "rangeTooLong"],
  ] as const)("refuses %o with %s, falling back to the last 30 days", (query, problem) => {
    expect(parseStatsRange(query, TODAY)).toEqual({ range: range("2024-02-15", TODAY, "30d"), problem });
  });

  it("has a message for every problem in both languages", () => {
    for (const problem of STATS_RANGE_PROBLEMS) {
      expect(en.Stats.problems[problem]).toMatch(/\w/);
      expect(ko.Stats.problems[problem]).toMatch(/[가-힣]/);
    }
  });
});

/** RFC 4180 records (CRLF-separated, "" escapes) → cells; small enough to trust, independent of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

function exportCsv(table: string, query = RANGE_QUERY, locale = "en") {
  const request = new Request(`http://localhost/${locale}/admin/stats/export/${table}?${query}`);
  return exportRoute(request, { params: Promise.resolve({ locale, table }) });
}

async function csvBody(response: Response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { bytes, text, rows: parseCsv(text.replace(/^\uFEFF/, "")) };
}

describe("CSV exports", () => {
  const asAnalyst = () => (sessionUserId = analystId);
  const counts = (r: StatTotals) => [String(r.views), String(r.downloads)];

  it("refuses anyone not signed in", async () => {
    sessionUserId = null;
    const response = await exportCsv("daily");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).not.toMatch(/csv/);
  });

  it("sends the top list as UTF-8 CSV with a BOM, quoted cells and the data functions' numbers", async () => {
    asAnalyst();
    const response = await exportCsv("top");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const disposition = parseDisposition(response.headers.get("content-disposition") ?? "");
    expect(disposition).toEqual({ type: "attachment", parameters: { filename: "stats-top-1999-03-01_1999-03-10.csv" } });
    const { bytes, text, rows } = await csvBody(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Quoting as Excel reads it: commas, doubled quotes and line breaks inside one cell.
    expect(text).toContain(
      `"북한-러시아 동맹, ""신냉전""\n그리고 한국의 대응",${seriesA.nameEn},${p1.reportNumber},Korean,13,3\r\n`,
    );
    // A line break alone needs quotes too, though records end in CRLF.
    expect(text).toContain(`,"${p2.title}",${seriesA.nameEn},`);
    // A title that would run as a formula is defused, not executed.
    expect(text).toContain(`"'=HYPERLINK(""http://example.org"") ""quoted""",${seriesB.nameEn},`);
    const top = await getTopPublications(RANGE);
    expect(rows).toEqual([
      ["Rank", "Publication", "Series", "Report number", "Language", "Views", "Downloads"],
      ...top.map((p, i) => [
        String(i + 1),
        p.title.startsWith("=") ? `'${p.title}` : p.title,
        p.seriesNameEn,
        p.reportNumber,
        p.language === "ko" ? "Korean" : "English",
        ...counts(p),
      ]),
    ]);
    expect(rows.find((r) => r[3] === p1.reportNumber)?.[1]).toBe(KOREAN_TITLE);
  });

  it("sends every day of the range with the page's numbers", async () => {
    asAnalyst();
    const response = await exportCsv("daily");
    const { rows, text } = await csvBody(response);
    expect(text.startsWith("\uFEFFDay,Views,Downloads\r\n")).toBe(true);
    expect(rows).toEqual([["Day", "Views", "Downloads"], ...(await getDailySeries(RANGE)).map((d) => [d.day, ...counts(d)])]);
    expect(rows).toHaveLength(11);
  });

  it("sends the series and language breakdowns, in the page's language", async () => {
    asAnalyst();
    const series = await csvBody(await exportCsv("series", RANGE_QUERY, "ko"));
    expect(series.rows).toEqual([
      ["시리즈", "조회수", "다운로드수"],
      ...(await getBreakdownBySeries(RANGE)).map((s) => [s.nameKo, ...counts(s)]),
    ]);
    expect(series.rows).toContainEqual([seriesA.nameKo, "1250", "7"]);
    const language = await csvBody(await exportCsv("language"));
    expect(language.rows).toEqual([
      ["Language", "Views", "Downloads"],
      ...(await getBreakdownByLanguage(RANGE)).map((l) => [l.language === "ko" ? "Korean" : "English", ...counts(l)]),
    ]);
  });

  it("sends one publication's days", async () => {
    asAnalyst();
    const response = await exportCsv("publication-daily", `${RANGE_QUERY}&id=${p1.id}`);
    expect(response.status).toBe(200);
    expect(parseDisposition(response.headers.get("content-disposition") ?? "").parameters.filename).toBe(
      `stats-publication-${p1.id}-${p1.reportNumber}-ko-1999-03-01_1999-03-10.csv`,
    );
    const { rows } = await csvBody(response);
    const stats = await getPublicationStats(p1.id, RANGE);
    expect(rows).toEqual([["Day", "Views", "Downloads"], ...(stats?.daily ?? []).map((d) => [d.day, ...counts(d)])]);
    expect(rows[1]).toEqual(["1999-03-01", "5", "1"]);
  });

  it.each([
    ["daily", "from=1999-03-02&to=1999-03-01", "en", 400, en.Stats.problems.fromAfterTo],
    ["daily", "from=1999-02-30&to=1999-03-01", "ko", 400, ko.Stats.problems.invalidDate],
    ["top", "preset=forever", "en", 400, en.Stats.problems.invalidPreset],
    ["series", "from=1990-01-01&to=1999-03-01", "en", 400, en.Stats.problems.rangeTooLong],
    ["publication-daily", RANGE_QUERY, "en", 400, en.Stats.csvMissingId],
    ["publication-daily", `${RANGE_QUERY}&id=abc`, "en", 400, en.Stats.csvMissingId],
    ["publication-daily", `${RANGE_QUERY}&id=2147483000`, "en", 404, en.Stats.csvNoPublication],
    ["everything", RANGE_QUERY, "en", 404, "Not found"],
  ])("answers %s?%s (%s) with %i and a clear message", async (table, query, locale, status, message) => {
    asAnalyst();
    const response = await exportCsv(table, query, locale);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect((await response.text()).trim()).toBe(message);
  });

  it("refuses a period that ends after today", async () => {
    asAnalyst();
    const response = await exportCsv("daily", "from=1999-03-01&to=9999-12-31");
    expect(response.status).toBe(400);
    expect((await response.text()).trim()).toBe(en.Stats.problems.inFuture);
  });
});

describe("the statistics page", () => {
  async function render(query: Record<string, string>) {
    sessionUserId = analystId;
    const page = await StatsPage({ params: Promise.resolve({ locale: "en" }), searchParams: Promise.resolve(query) });
    return renderToStaticMarkup(
      createElement(
        NextIntlClientProvider,
        { locale: "en", messages: en, timeZone: "Asia/Seoul" } as ComponentProps<typeof NextIntlClientProvider>,
        page,
      ),
    );
  }

  it("names its chart and carries the same numbers as a table, formatted for the locale", async () => {
    const html = await render({ from: RANGE.from, to: RANGE.to });
    expect(html).toContain(
      'role="img" aria-label="Line chart of views and downloads per day from March 1, 1999 to March 10, 1999.',
    );
    expect(html).toMatch(/<details[^>]*><summary>Show as table<\/summary><table/);
    for (const d of await getDailySeries(RANGE)) expect(html).toContain(`<time dateTime="${d.day}">${d.day}</time>`);
    expect(html).toContain(`>${seriesA.nameEn}</th><td class="stats-num">1,250</td><td class="stats-num">7</td>`);
    expect(html).toContain(`href="/en/admin/stats/publications/${p2.id}?from=1999-03-01&amp;to=1999-03-10"`);
    expect(html).toContain(`href="/en/admin/stats/export/top?from=1999-03-01&amp;to=1999-03-10"`);
  });

  it("says why a bad period was refused and shows the default one", async () => {
    const html = await render({ from: "1999-03-10", to: "1999-03-01" });
    expect(html).toContain(`${en.Stats.problems.fromAfterTo} ${en.Stats.fallback}`);
    expect(html).toContain("(30 days)");
    expect(html).toContain('aria-invalid="true"');
  });
});

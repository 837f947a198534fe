// The statistics CSV exports (app/[locale]/(staff)/admin/stats/export/[table]/route.ts)
// against known DailyStat rows. Only the edges are stood in for: Auth.js's
// session lookup and next-intl's request-bound loader.
import { parse as parseDisposition } from "content-disposition";
import { describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/[locale]/(staff)/admin/stats/export/[table]/route";
import {
  getBreakdownByLanguage,
  getBreakdownBySeries,
  getDailySeries,
  getPublicationStats,
  getTopPublications,
  type StatTotals,
} from "@/lib/data/stats";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import { signInAs } from "./support/auth-session";
import { KOREAN_TITLE, RANGE, RANGE_QUERY, knownStatsRows } from "./support/stats-rows";

vi.mock("@/lib/auth", () => import("./support/auth-session"));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));

const seeded = knownStatsRows();

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
  const asAnalyst = () => signInAs(seeded.analystId);
  const counts = (r: StatTotals) => [String(r.views), String(r.downloads)];

  it("refuses anyone not signed in", async () => {
    signInAs(null);
    const response = await exportCsv("daily");
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).not.toMatch(/csv/);
  });

  it("sends the top list as UTF-8 CSV with a BOM, quoted cells and the data functions' numbers", async () => {
    const { seriesA, seriesB, p1, p2 } = seeded;
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
    expect(series.rows).toContainEqual([seeded.seriesA.nameKo, "1250", "7"]);
    const language = await csvBody(await exportCsv("language"));
    expect(language.rows).toEqual([
      ["Language", "Views", "Downloads"],
      ...(await getBreakdownByLanguage(RANGE)).map((l) => [l.language === "ko" ? "Korean" : "English", ...counts(l)]),
    ]);
  });

  it("sends one publication's days", async () => {
    const { p1 } = seeded;
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

// The statistics period: today on the Seoul calendar, the presets, and the
// query a page or an export is asked with (lib/stats/period.ts, lib/validations/stats.ts).
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import ko from "@/lib/i18n/messages/ko.json";
import { siteToday } from "@/lib/stats/period";
import { parseStatsRange, STATS_RANGE_PROBLEMS } from "@/lib/validations/stats";

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

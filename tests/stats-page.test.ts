// The statistics page's text alternative to its chart, and its answer to a bad
// period, against known DailyStat rows. Only the edges are stood in for:
// Auth.js's session lookup and next-intl's request-bound loader.
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import StatsPage from "@/app/[locale]/(staff)/admin/stats/page";
import { getDailySeries } from "@/lib/data/stats";
import { attachServer } from "@/lib/edge/bridge";
import en from "@/lib/i18n/messages/en.json";
import { signInAs } from "./support/auth-session";
import { RANGE, knownStatsRows } from "./support/stats-rows";

vi.mock("@/lib/auth", () => import("./support/auth-session"));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));

const seeded = knownStatsRows();

describe("the statistics page", () => {
  async function render(query: Record<string, string>) {
    signInAs(seeded.analystId);
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
    expect(html).toContain(`>${seeded.seriesA.nameEn}</th><td class="stats-num">1,250</td><td class="stats-num">7</td>`);
    expect(html).toContain(`href="/en/admin/stats/publications/${seeded.p2.id}?from=1999-03-01&amp;to=1999-03-10"`);
    expect(html).toContain(`href="/en/admin/stats/export/top?from=1999-03-01&amp;to=1999-03-10"`);
  });

  it("says why a bad period was refused and shows the default one", async () => {
    const html = await render({ from: "1999-03-10", to: "1999-03-01" });
    expect(html).toContain(`${en.Stats.problems.fromAfterTo} ${en.Stats.fallback}`);
    expect(html).toContain("(30 days)");
    expect(html).toContain('aria-invalid="true"');
  });

  it("warns staff when no portal server counts page views (plain `next start`), and only then", async () => {
    // No server attached in this process: as under plain `next start`.
    const unserved = await render({});
    expect(unserved).toContain(`role="alert"`);
    const warning = en.Stats.notCounting.split(":")[0]!; // before any character HTML would escape
    expect(unserved).toContain(warning);

    attachServer({ forgetPage: () => undefined, forgetCatalogue: () => undefined });
    expect(await render({})).not.toContain(warning);
  });
});

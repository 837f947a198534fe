import Link from "next/link";
import { useTranslations } from "next-intl";
import { rangeDays, siteToday, STATS_PRESETS, type StatsRange } from "@/lib/stats/period";
import { parseStatsRange, type StatsRangeProblem } from "@/lib/validations/stats";
import { FormField } from "@/components/form/form-field";

export type PickedRange = {
  range: StatsRange;
  today: string;
  problem: StatsRangeProblem | null;
  /** What was typed, shown again next to the message so it can be corrected. */
  submitted: { from?: string; to?: string };
};

/** The period a statistics page's query asks for (or the default, with the problem), as the picker shows it. */
export function pickRange(query: Record<string, string | undefined>): PickedRange {
  const today = siteToday();
  const { range, problem } = parseStatsRange(query, today);
  return { range, today, problem, submitted: { from: query.from, to: query.to } };
}

type Props = PickedRange & {
  /** The page the picker reloads, e.g. /en/admin/stats. */
  basePath: string;
  locale: string;
};

/** Preset periods as links and a custom from/to form; both are plain GET requests. */
export function RangePicker({ basePath, locale, range, today, problem, submitted }: Props) {
  const t = useTranslations("Stats");
  const dates = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "long" });
  const shown = dates.formatRange(new Date(`${range.from}T00:00:00Z`), new Date(`${range.to}T00:00:00Z`));
  const invalid = problem !== null && problem !== "invalidPreset";
  const from = invalid ? (submitted.from ?? "") : range.from;
  const to = invalid ? (submitted.to ?? "") : range.to;
  return (
    <section aria-labelledby="stats-period-title" className="panel stats-period">
      <h2 id="stats-period-title">{t("period")}</h2>
      {problem ? (
        <p id="stats-period-problem" className="notice notice--warning" role="alert">
          {t(`problems.${problem}`)} {t("fallback")}
        </p>
      ) : null}
      <nav aria-label={t("presetsLabel")}>
        <ul className="stats-presets">
          {STATS_PRESETS.map((preset) => (
            <li key={preset}>
              <Link href={`${basePath}?preset=${preset}`} aria-current={range.preset === preset ? "true" : undefined}>
                {t(`presets.${preset}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed by the range: navigating to another period must refill the uncontrolled inputs. */}
      <form key={`${range.from}/${range.to}/${problem ?? ""}`} method="get" action={basePath} className="stats-custom">
        <fieldset>
          <legend>{t("custom")}</legend>
          {(["from", "to"] as const).map((name) => (
            <FormField
              key={name}
              id={`stats-${name}`}
              name={name}
              label={t(name)}
              type="date"
              required
              max={today}
              defaultValue={name === "from" ? from : to}
              // One message below the form explains a bad period for both dates.
              aria-invalid={invalid || undefined}
              describedBy={invalid ? "stats-period-problem" : undefined}
            />
          ))}
          <button type="submit">{t("apply")}</button>
        </fieldset>
      </form>
      <p className="stats-showing" aria-live="polite">
        {t("showing", { range: shown, days: rangeDays(range) })}
      </p>
    </section>
  );
}

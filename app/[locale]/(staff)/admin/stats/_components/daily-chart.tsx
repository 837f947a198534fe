"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DailyPoint } from "@/lib/data/stats";

type Props = {
  data: DailyPoint[];
  locale: string;
  /** The chart's accessible name: what it shows and where the same numbers are as text. */
  label: string;
  viewsLabel: string;
  downloadsLabel: string;
};

const asUtcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** Views and downloads per day as two lines; the numbers themselves are in the table beside it. */
export function DailyChart({ data, locale, label, viewsLabel, downloadsLabel }: Props) {
  const number = new Intl.NumberFormat(locale);
  // Days are calendar days already: format them in UTC so no time zone shifts them.
  const long = data.length > 400;
  const tick = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    ...(long && { year: "numeric" }),
  });
  const full = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "full" });
  const formatValue = (value: unknown) => (typeof value === "number" ? number.format(value) : String(value));
  return (
    // role="img": one picture with one name; the keyboard layer is off because nothing inside an image is operable.
    <div role="img" aria-label={label} className="stats-chart">
      <ResponsiveContainer width="100%" height={320}>
        <LineChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#d8dde3" strokeDasharray="3 3" />
          <XAxis dataKey="day" tickFormatter={(day: string) => tick.format(asUtcDay(day))} minTickGap={24} />
          <YAxis allowDecimals={false} tickFormatter={(v: number) => number.format(v)} width="auto" />
          <Tooltip
            formatter={formatValue}
            labelFormatter={(day) => (typeof day === "string" ? full.format(asUtcDay(day)) : day)}
          />
          <Legend />
          {/* Colour and line style both tell the series apart. */}
          <Line
            type="linear"
            dataKey="views"
            name={viewsLabel}
            stroke="#0b3d6e"
            strokeWidth={2}
            dot={data.length <= 31}
            isAnimationActive={false}
          />
          <Line
            type="linear"
            dataKey="downloads"
            name={downloadsLabel}
            stroke="#a4161a"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={data.length <= 31}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

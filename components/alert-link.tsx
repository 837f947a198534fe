import type { Locale } from "@/lib/i18n/routing";

/** "Get email alerts for this …": the alerts page with this series, topic or author already ticked. */
export function AlertLink({
  locale,
  follow,
  label,
}: {
  locale: Locale;
  follow: { series: string } | { topic: string } | { author: number };
  label: string;
}) {
  const [key, value] = Object.entries(follow)[0] as [string, string | number];
  return (
    <a className="alert-link" href={`/${locale}/alerts?${key}=${encodeURIComponent(value)}`}>
      {label}
    </a>
  );
}

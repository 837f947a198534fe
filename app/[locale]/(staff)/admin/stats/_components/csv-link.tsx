import { useTranslations } from "next-intl";

/** "Download CSV" for one table; the hidden part names the table, so several such links stay distinct. */
export function CsvLink({ href, table }: { href: string; table: string }) {
  const t = useTranslations("Stats");
  return (
    <a className="stats-csv" href={href} download>
      {t("downloadCsv")}
      <span className="visually-hidden"> ({table})</span>
    </a>
  );
}

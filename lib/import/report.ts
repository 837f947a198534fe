import type { Refusal } from "@/lib/validations/archive";
import type { ImportReport } from "./importer";

const where = (r: Refusal) => `${r.file ? `${r.file} line` : "line"} ${r.line}`;

/** The report the CLI prints: the four counts, then each refused field as `line N: field: reason`. */
export function formatReport(report: ImportReport): string {
  const verb = report.dryRun ? "would be " : "";
  const lines = [
    report.dryRun ? "Dry run: nothing was written." : null,
    report.interrupted ? "Interrupted: run the same command again to finish the import." : null,
    `Series: ${report.series.created} ${verb}created, ${report.series.updated} ${verb}updated, ${report.series.unchanged} unchanged.`,
    `Imported: ${report.imported}${report.dryRun ? " (would be)" : ""}`,
    `Updated: ${report.updated}${report.dryRun ? " (would be)" : ""}`,
    `Unchanged: ${report.unchanged}`,
    `Refused: ${report.refused}`,
    ...report.refusals.map((r) => `${where(r)}: ${r.field}: ${r.reason}`),
  ];
  return lines.filter((l) => l !== null).join("\n");
}

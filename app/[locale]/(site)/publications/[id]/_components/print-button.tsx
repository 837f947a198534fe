/** Prints the page, through its island (islands/print-page.ts). */
export function PrintButton({ label }: { label: string }) {
  return (
    <print-page>
      <button type="button" className="action-button no-print">
        {label}
      </button>
    </print-page>
  );
}

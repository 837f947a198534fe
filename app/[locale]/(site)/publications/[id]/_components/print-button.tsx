"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="action-button no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}

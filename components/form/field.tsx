import type { ReactNode } from "react";

/** What a field's control needs to be tied to its label, hint and errors. */
export type FieldControlProps = {
  id: string;
  "aria-describedby": string;
  "aria-invalid": true | undefined;
};

type Props = {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  /** Whose message explains a problem instead of this field's own, e.g. one error for a pair of dates. */
  describedBy?: string;
  /** Renders the control (input, select, textarea) with the props that tie it to the label, hint and errors. */
  children: (control: FieldControlProps) => ReactNode;
};

/** A labelled control whose hint and errors sit in elements it points to; errors are announced politely. */
export function Field({ id, label, errors, hint, describedBy, children }: Props) {
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {children({
        id,
        "aria-describedby": [hintId, describedBy ?? errorId].filter(Boolean).join(" "),
        "aria-invalid": errors?.length ? true : undefined,
      })}
      <span id={errorId} className="field__error" aria-live="polite">
        {errors?.join(" ")}
      </span>
    </div>
  );
}

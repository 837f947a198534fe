import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; errors?: string[]; hint?: string };

/** A labelled input whose errors sit in an element it points to, announced politely. */
export function FormField({ name, label, errors, hint, id, ...input }: Props) {
  const fieldId = id ?? `field-${name}`;
  const errorId = `${fieldId}-error`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      <input
        id={fieldId}
        name={name}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        aria-invalid={errors?.length ? true : undefined}
        {...input}
      />
      <span id={errorId} className="field__error" aria-live="polite">
        {errors?.join(" ")}
      </span>
    </div>
  );
}

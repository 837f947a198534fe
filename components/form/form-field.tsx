import type { InputHTMLAttributes } from "react";
import { Field } from "./field";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  /** See Field: another element's message explains this input's problem. */
  describedBy?: string;
};

/** The common case of Field: a labelled input. */
export function FormField({ name, label, errors, hint, describedBy, id, ...input }: Props) {
  return (
    <Field id={id ?? `field-${name}`} label={label} errors={errors} hint={hint} describedBy={describedBy}>
      {(control) => <input name={name} {...control} {...input} />}
    </Field>
  );
}

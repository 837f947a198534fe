/** What every server action returns; forms render it with useActionState. */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
};

export const initialActionState: ActionState = { ok: false };

/** Groups zod issues by their first path segment, as forms show them beside fields. */
export function fieldErrorsFrom(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return out;
}

/** Turns each field's error codes into sentences in the page's language. */
export function translateFieldErrors(
  errors: Record<string, string[]>,
  translate: (code: string) => string,
): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, codes]) => [field, codes.map(translate)]));
}

/** The answer to a form that failed its schema: one message, and each field's errors in the page's language. */
export function invalidForm(
  message: string,
  issues: readonly { path: PropertyKey[]; message: string }[],
  translate: (code: string) => string,
): ActionState {
  return { ok: false, message, fieldErrors: translateFieldErrors(fieldErrorsFrom([...issues]), translate) };
}

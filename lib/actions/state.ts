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

/**
 * The answer to a form that failed its schema: one message, and each field's
 * errors in the page's language (`translate` also gets the issue, for limits).
 */
export function invalidForm<I extends { path: PropertyKey[]; message: string }>(
  message: string,
  issues: readonly I[],
  translate: (code: string, issue: I) => string,
): ActionState {
  return {
    ok: false,
    message,
    fieldErrors: fieldErrorsFrom(issues.map((i) => ({ path: i.path, message: translate(i.message, i) }))),
  };
}

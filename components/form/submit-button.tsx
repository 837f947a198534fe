"use client";

import type { ComponentProps } from "react";
import { useScriptRunning } from "./use-script-running";

/**
 * The submit button of a form bound to a server action, held back until the
 * page's script runs (useScriptRunning). Every such form's button is one:
 * FormFooter's, and the single buttons of sign-out, sign-in with SSO and the
 * staff pages' row actions.
 */
export function SubmitButton({ disabled = false, ...props }: Omit<ComponentProps<"button">, "type">) {
  const running = useScriptRunning();
  return <button {...props} type="submit" disabled={disabled || !running} />;
}

"use client";

import type { ComponentProps } from "react";
import { useScriptRunning } from "./use-script-running";

/**
 * A submit button for a form a server component binds to a server action
 * (sign out, single sign-on): held back until the page's script runs, as
 * every action form's button is (useScriptRunning).
 */
export function SubmitButton({ disabled = false, ...props }: Omit<ComponentProps<"button">, "type">) {
  const running = useScriptRunning();
  return <button {...props} type="submit" disabled={disabled || !running} />;
}

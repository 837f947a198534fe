"use client";

import { useSyncExternalStore, type ComponentProps } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's markup and while React hydrates it; true once the
 * page's script runs. A form bound to a server action and sent before then
 * goes as a plain browser post, which the server refuses (a 405 page,
 * server/request-guard.ts): on a slow phone a reader's tap came before the
 * script, and what they had typed was gone.
 */
function useScriptRunning(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

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

"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's markup and while React hydrates it; true once the
 * page's script runs. A form bound to a server action and sent before then
 * goes as a plain browser post, which the server refuses (a 405 page,
 * server/request-guard.ts): on a slow phone a reader's tap came before the
 * script, and what they had typed was gone.
 */
export function useScriptRunning(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

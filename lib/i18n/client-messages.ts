import { getMessages } from "next-intl/server";
import type { Messages } from "next-intl";

/**
 * Only the namespaces that client components of a part of the site use:
 * every page otherwise carries the whole dictionary to the browser.
 */
export async function clientMessages<K extends keyof Messages>(namespaces: K[]): Promise<Pick<Messages, K>> {
  const all = await getMessages();
  return Object.fromEntries(namespaces.map((n) => [n, all[n]])) as Pick<Messages, K>;
}

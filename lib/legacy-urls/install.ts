import "server-only";
import { attachRedirects } from "@/lib/edge/bridge";
import { oldAddressTarget } from "./redirect-target";

/** Hands the portal's server (server/old-addresses.ts) the app's answer to old links. */
export function installLegacyRedirects() {
  attachRedirects({ targetOf: oldAddressTarget });
}

import { bundleFile } from "./bundle-file";

/** `npm start`'s launcher (scripts/start.ts) as plain JavaScript; what it loads only for a while is split beside it. */
export const LAUNCHER_BUNDLE = ".portal/bin/launcher.mjs";

export function buildLauncherBundle(): Promise<void> {
  return bundleFile("scripts/start.ts", LAUNCHER_BUNDLE, { splitting: true });
}

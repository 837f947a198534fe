import { appSide, type AppSide } from "@/lib/edge/bridge";

const WAIT_MS = 60_000;

/**
 * The app's side of the bridge (lib/edge/bridge.ts), attached by
 * instrumentation.ts while Next.js prepares. The server does not listen
 * without it: a portal that silently counted nothing would be worse than one
 * that does not start.
 */
export async function waitForApp(): Promise<AppSide> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const app = appSide();
    if (app) return app;
    if (Date.now() > deadline) throw new Error("the app did not attach its view counter (instrumentation.ts did not run).");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

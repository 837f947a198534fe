// For processes the alert tests start outside Next.js and Vitest: "server-only"
// (which throws anywhere but a React Server Component build) resolves to an
// empty module, as Vitest's alias does for the tests themselves.
import { register } from "node:module";

register("./no-server-only-hooks.mjs", import.meta.url);

// The first half of `npm start` / `npm run dev`: bundles the launcher
// (scripts/start.ts) into one plain JavaScript file, which npm then runs with
// plain Node (`exec node .next/portal/launcher.mjs`). So the long-running
// launcher keeps no TypeScript loader in memory, and no tsx process or shell
// stands between npm and it: npm's SIGTERM reaches the launcher, which passes
// it on to the server. The bundle sits two folders below the project, like
// lib/migrate/schema-engine.ts, whose paths to the migrations it keeps.
import { bundleFile } from "./lib/bundle-file";
import { runScript } from "./lib/run-script";

runScript(() => bundleFile("scripts/start.ts", ".next/portal/launcher.mjs"));

// The first half of `npm start` / `npm run dev`: bundles the launcher
// (scripts/start.ts) into plain JavaScript, which npm then runs with plain
// Node (`exec env … node … .portal/bin/launcher.mjs`). So the long-running process
// keeps no TypeScript loader in memory, and no tsx process or shell stands
// between npm and it: npm's SIGTERM reaches it. What the launcher loads only
// for a while (the embedded database, the preparing child's code) is split
// into files of its own. The bundle sits two folders below the project, like
// lib/migrate/schema-engine.ts, whose paths to the migrations it keeps.
//
// It prints the command that runs the launcher, less the bundle's path: in
// production the launcher's process becomes the server's, so what the server
// needs from its start is given there: its environment (serverProcessEnv,
// through `env`, which hands its process over to Node) and the heap's bounds
// (SERVER_HEAP_MB, SERVER_SEMI_SPACE_MB). With a configuration that does not
// parse it prints Node alone, and the launcher says what is wrong.
import { parseEnv } from "@/lib/env";
import { buildLauncherBundle } from "./lib/launcher-bundle";
import { runScript } from "./lib/run-script";
import { memoryOptions, serverProcessEnv } from "./lib/server-command";

runScript(async () => {
  await buildLauncherBundle();
  let options = "";
  try {
    options = ` ${memoryOptions(parseEnv(process.env)).join(" ")}`;
  } catch {
    // the launcher reports it, in one line
  }
  const env = Object.entries(serverProcessEnv()).map(([name, value]) => `${name}=${value}`);
  process.stdout.write(`${env.length > 0 ? `env ${env.join(" ")} ` : ""}node${options}`);
});

// `npm run stats:fold`: folds pending usage events and purges old raw events once,
// for operators who prefer cron to the in-process scheduler (both are safe together).
import { parseEnv } from "@/lib/env";
import { purgeUsageEvents } from "@/lib/data/usage-events";
import { foldUsageEvents } from "@/lib/data/usage-fold";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";

runScript(async () => {
  commandArguments("Usage: npm run stats:fold (folds waiting usage events and purges old ones once; it takes no arguments)");
  const env = parseEnv();
  let folded = 0;
  for (let n = await foldUsageEvents(); n > 0; n = await foldUsageEvents()) folded += n;
  const purged = await purgeUsageEvents(env.STATS_RETENTION_DAYS);
  console.log(`Folded ${folded} usage events; purged ${purged} older than ${env.STATS_RETENTION_DAYS} days.`);
});

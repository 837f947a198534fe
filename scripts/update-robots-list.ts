// `npm run stats:update-robots`: fetches the current COUNTER robots list into
// lib/stats/data/counter-robots.json. Review the diff before committing.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";

const SOURCE = "https://raw.githubusercontent.com/atmire/COUNTER-Robots/master/COUNTER_Robots_list.json";
const listSchema = z.array(z.object({ pattern: z.string().min(1), last_changed: z.string() })).min(100);

runScript(async () => {
  commandArguments(
    "Usage: npm run stats:update-robots (fetches the COUNTER robots list into lib/stats/data; it takes no arguments)",
  );
  const response = await fetch(SOURCE);
  if (!response.ok) throw new Error(`${SOURCE} answered ${response.status}`);
  const list = listSchema.parse(await response.json());
  for (const { pattern } of list) new RegExp(pattern, "i"); // refuse a list we could not compile
  const target = path.resolve("lib/stats/data/counter-robots.json");
  await writeFile(target, `${JSON.stringify(list, null, 2)}\n`);
  console.log(`Wrote ${list.length} patterns to ${path.relative(process.cwd(), target)}.`);
});

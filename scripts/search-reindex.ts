// `npm run search:reindex`: queues every paper for the search index and indexes
// them now, with progress. Never needed for correctness (the portal indexes
// every change within seconds, lib/search/indexer.ts); for after a change to
// the tokenizer, or to see the whole index rebuilt. Safe while the portal runs.
import { parseEnv } from "@/lib/env";
import { indexQueuedPapers, queueAllPapers, searchQueueLength } from "@/lib/data/search-index";
import { progressPrinter } from "@/lib/import/progress";
import { runScript } from "./lib/run-script";

runScript(async () => {
  if (!parseEnv().DATABASE_URL) throw new Error("DATABASE_URL is not set: the search index lives in the portal's database.");
  await queueAllPapers();
  const total = await searchQueueLength();
  const progress = progressPrinter(process.stderr);
  const started = Date.now();
  // Two lanes: while one tokenizes a batch here, the other's is written by the database, so
  // both cores work. A running portal may take part of the queue too, so this may index fewer than `total`.
  const done = [0, 0];
  const lane = (k: number) =>
    indexQueuedPapers((n) => {
      done[k] = n;
      progress.update(Math.min(done[0]! + done[1]!, total), total);
    });
  const indexed = (await Promise.all([lane(0), lane(1)])).reduce((a, b) => a + b, 0);
  progress.update(total, total);
  progress.end();
  console.log(`Indexed ${indexed} papers in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
});

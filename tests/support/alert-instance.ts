// One more portal instance for the alert tests: the alert workers alone, on
// the database and mail server its environment names. Run by node with
// --import tsx --import no-server-only.mjs; it says "ready" on stdout once it takes jobs,
// and runs until killed.
import { startAlertWorkers } from "@/lib/alerts/workers";

await startAlertWorkers();
process.stdout.write("ready\n");
setInterval(() => undefined, 60_000);

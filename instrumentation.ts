// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startStatsScheduler } = await import("@/lib/stats/scheduler");
  startStatsScheduler();
}

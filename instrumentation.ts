// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [{ startStatsScheduler }, { installCounter }, { startUploadSweeper }, { uploadTempDir }] = await Promise.all([
    import("@/lib/stats/scheduler"),
    import("@/lib/stats/install-counter"),
    import("@/lib/uploads/sweep"),
    import("@/lib/uploads/incoming"),
  ]);
  installCounter();
  startStatsScheduler();
  startUploadSweeper(uploadTempDir());
}

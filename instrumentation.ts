// Runs once when a server instance starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [
    { startStatsScheduler },
    { installCounter },
    { startUploadSweeper },
    { uploadTempDir },
    { installLegacyRedirects },
    { startSearchIndexer },
    { startReaderPagesWatcher },
    { startAlerts },
    { installStoredPages },
    { installCatalogue },
  ] = await Promise.all([
    import("@/lib/stats/scheduler"),
    import("@/lib/stats/install-counter"),
    import("@/lib/uploads/sweep"),
    import("@/lib/uploads/incoming"),
    import("@/lib/legacy-urls/install"),
    import("@/lib/search/indexer"),
    import("@/lib/revalidation/other-instances"),
    import("@/lib/alerts/workers"),
    import("@/lib/publications/stored-pages"),
    import("@/lib/catalogue/install"),
  ]);
  // Before the counter: the server starts once the counter is attached, and reads the others then.
  installLegacyRedirects();
  installStoredPages();
  installCatalogue();
  installCounter();
  startStatsScheduler();
  startUploadSweeper(uploadTempDir());
  startSearchIndexer();
  startReaderPagesWatcher();
  startAlerts();
}

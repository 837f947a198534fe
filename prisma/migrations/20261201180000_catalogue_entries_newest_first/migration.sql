-- A search listed newest first, past the count's cap, reads the reader language's entries newest
-- first until its page is full (lib/data/search-slice.ts).
-- CreateIndex
CREATE INDEX "CatalogueEntry_language_publishedAt_targetId_idx" ON "CatalogueEntry"("language", "publishedAt" DESC, "targetId" DESC);

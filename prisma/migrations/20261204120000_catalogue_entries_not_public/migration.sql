-- The entries of a language not public now (drafts, papers not yet due): a
-- filtered search counts them to know how many of a set's documents could
-- drop out when it judges the set past its count's cap from the documents
-- alone (lib/data/search-slice.ts). A few rows, found in a fraction of a
-- millisecond instead of a scan of every entry.
CREATE INDEX "CatalogueEntry_language_visibleFrom_idx" ON "CatalogueEntry"("language", "visibleFrom");

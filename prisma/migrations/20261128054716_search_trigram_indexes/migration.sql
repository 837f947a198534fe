-- Catalogue search matches substrings (ILIKE), in Korean and English alike: trigram
-- indexes serve it. The extension ships with PostgreSQL (contrib) and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Author_nameEn_trgm_idx" ON "Author" USING GIN ("nameEn" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Author_nameKo_trgm_idx" ON "Author" USING GIN ("nameKo" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Publication_title_trgm_idx" ON "Publication" USING GIN ("title" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Publication_subtitle_trgm_idx" ON "Publication" USING GIN ("subtitle" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Publication_summary_trgm_idx" ON "Publication" USING GIN ("summary" gin_trgm_ops);

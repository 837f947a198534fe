-- CreateIndex
CREATE INDEX "Publication_seriesId_language_publishedAt_id_idx" ON "Publication"("seriesId", "language", "publishedAt", "id");

-- The title's and the summary's indexes of SearchScoring cut in 16 by the
-- paper's key, as the all-parts index was (migration 20261207140000): one
-- partial index per chunk ("publicationId" % 16) of each.
--
-- Past the count's cap a search reads the title matches, then the summary
-- matches, each up to its first 2,002 (lib/data/search-slice.ts: the tiers),
-- and a GIN bitmap scan reads every document holding the words, whatever
-- LIMIT is above it. Asked chunk after chunk, a word in the titles or
-- summaries of many papers reads one or two chunks (lib/data/search-ranking.ts:
-- byChunk). These indexes are small (the vectors of titles and summaries):
-- at 100,000 papers all 32 were built in 18 s.
CREATE INDEX "SearchScoring_title_0_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 0;
CREATE INDEX "SearchScoring_title_1_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 1;
CREATE INDEX "SearchScoring_title_2_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 2;
CREATE INDEX "SearchScoring_title_3_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 3;
CREATE INDEX "SearchScoring_title_4_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 4;
CREATE INDEX "SearchScoring_title_5_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 5;
CREATE INDEX "SearchScoring_title_6_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 6;
CREATE INDEX "SearchScoring_title_7_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 7;
CREATE INDEX "SearchScoring_title_8_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 8;
CREATE INDEX "SearchScoring_title_9_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 9;
CREATE INDEX "SearchScoring_title_10_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 10;
CREATE INDEX "SearchScoring_title_11_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 11;
CREATE INDEX "SearchScoring_title_12_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 12;
CREATE INDEX "SearchScoring_title_13_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 13;
CREATE INDEX "SearchScoring_title_14_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 14;
CREATE INDEX "SearchScoring_title_15_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 15;
CREATE INDEX "SearchScoring_head_0_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 0;
CREATE INDEX "SearchScoring_head_1_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 1;
CREATE INDEX "SearchScoring_head_2_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 2;
CREATE INDEX "SearchScoring_head_3_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 3;
CREATE INDEX "SearchScoring_head_4_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 4;
CREATE INDEX "SearchScoring_head_5_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 5;
CREATE INDEX "SearchScoring_head_6_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 6;
CREATE INDEX "SearchScoring_head_7_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 7;
CREATE INDEX "SearchScoring_head_8_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 8;
CREATE INDEX "SearchScoring_head_9_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 9;
CREATE INDEX "SearchScoring_head_10_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 10;
CREATE INDEX "SearchScoring_head_11_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 11;
CREATE INDEX "SearchScoring_head_12_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 12;
CREATE INDEX "SearchScoring_head_13_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 13;
CREATE INDEX "SearchScoring_head_14_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 14;
CREATE INDEX "SearchScoring_head_15_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off) WHERE ("publicationId" % 16) = 15;
DROP INDEX "SearchScoring_title_idx";
DROP INDEX "SearchScoring_head_idx";

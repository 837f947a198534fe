-- The all-parts index (migration 20261203090000) cut in 16 by the paper's key:
-- one partial index per chunk ("publicationId" % 16), the same expression.
--
-- A GIN bitmap scan reads every document holding its words, whatever LIMIT
-- is above it: on a table of 200,000 small vectors, a word in all of them
-- took about 11 ms to scan, and its first 2,002 rows (what a search needs to
-- know it is past the count's cap) 2 ms from 16 partial indexes like these. A
-- search now asks the chunks one after another and stops when it has enough
-- (lib/data/search-ranking.ts: byChunk), so a common word reads one or two
-- chunks; a word in 200 or 2,000 of them read all sixteen in about the time
-- the one index took (0.4 against 0.5 ms, 2.5 against 2.5 ms).
--
-- Together as large as the one index they replace, and built in about the
-- same time (each build reads the table's narrow rows and computes the
-- expression for its own chunk's rows alone). While they are built here,
-- papers can be read and searched but their search documents not written
-- (the indexer's changes wait in the search queue).
CREATE INDEX "SearchDocument_every_0_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 0;
CREATE INDEX "SearchDocument_every_1_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 1;
CREATE INDEX "SearchDocument_every_2_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 2;
CREATE INDEX "SearchDocument_every_3_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 3;
CREATE INDEX "SearchDocument_every_4_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 4;
CREATE INDEX "SearchDocument_every_5_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 5;
CREATE INDEX "SearchDocument_every_6_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 6;
CREATE INDEX "SearchDocument_every_7_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 7;
CREATE INDEX "SearchDocument_every_8_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 8;
CREATE INDEX "SearchDocument_every_9_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 9;
CREATE INDEX "SearchDocument_every_10_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 10;
CREATE INDEX "SearchDocument_every_11_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 11;
CREATE INDEX "SearchDocument_every_12_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 12;
CREATE INDEX "SearchDocument_every_13_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 13;
CREATE INDEX "SearchDocument_every_14_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 14;
CREATE INDEX "SearchDocument_every_15_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off) WHERE ("publicationId" % 16) = 15;
DROP INDEX "SearchDocument_every_idx";

-- What a search's in-row score reads of a matching document (the title's and
-- the summary's vectors, the exact-match keys) moves to a table of its own,
-- SearchScoring, and the search table keeps those two vectors out of its rows
-- (for the all-parts index, which needs all four parts in one row). A common
-- word's body or PDF index scan visits the row of every document holding it:
-- with about 1 KB of vectors in each row, six rows filled a page, and at
-- 100,000 papers such a scan read some 16,000 pages to keep a few hundred
-- candidates (README Performance). Out of the row, 65 fit a page at the benchmark's papers.
CREATE TABLE "SearchScoring" (
    "publicationId" INTEGER NOT NULL,
    "title" tsvector NOT NULL,
    "head" tsvector NOT NULL,
    "titleKey" TEXT NOT NULL DEFAULT '',
    "numberKeys" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "SearchScoring_pkey" PRIMARY KEY ("publicationId")
);

INSERT INTO "SearchScoring" ("publicationId", "title", "head", "titleKey", "numberKeys")
SELECT "publicationId", "title", "head", "titleKey", "numberKeys" FROM "SearchDocument";

-- Written in place, as the search table's (migration 20261130041500).
CREATE INDEX "SearchScoring_title_idx" ON "SearchScoring" USING GIN ("title") WITH (fastupdate = off);
CREATE INDEX "SearchScoring_head_idx" ON "SearchScoring" USING GIN ("head") WITH (fastupdate = off);

ALTER TABLE "SearchScoring" ADD CONSTRAINT "SearchScoring_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DROP INDEX "SearchDocument_title_idx";
DROP INDEX "SearchDocument_head_idx";
ALTER TABLE "SearchDocument" DROP COLUMN "titleKey", DROP COLUMN "numberKeys";

-- A row is toasted only when it passes about 2 KB (a paper's body or PDFs make it so); from then
-- on its long values go out of the row until it fits in this many bytes. EXTERNAL: the title's
-- and summary's vectors go out whole, uncompressed (lz4 saved 8 % of them at the benchmark's papers).
-- Rows already written keep their vectors in the row. Writing them again in place would not
-- make the table's pages fewer (each new row takes the room its old version leaves):
-- `npm run search:reindex` writes a new table, narrow (README, Search). Searches find and rank
-- the same papers either way.
ALTER TABLE "SearchDocument" ALTER COLUMN "title" SET STORAGE EXTERNAL, ALTER COLUMN "head" SET STORAGE EXTERNAL;
ALTER TABLE "SearchDocument" SET (toast_tuple_target = 128);

-- An exact report number is looked up by its key: a search past its count's
-- cap ranks its paper first whichever documents it read (lib/data/search-slice.ts).
-- Written in place, with no pending list, as the other search indexes are
-- (migration 20261130041500).
CREATE INDEX "SearchScoring_numberKeys_idx" ON "SearchScoring" USING GIN ("numberKeys") WITH (fastupdate = off);

-- Tokenizer 2 indexes each Korean bigram's first syllable as a token of its own
-- (lib/search/tokens.ts), so a one-syllable query word is one token instead of
-- a prefix. Each document records the version it was written with
-- (lib/data/search-documents.ts). The documents already here were written by
-- version 1, and so is any that an instance still running the code before this
-- writes during a rolling deploy: it does not name the column.
ALTER TABLE "SearchDocument" ADD COLUMN "tokenizer" SMALLINT NOT NULL DEFAULT 1;

-- Searches ask for a one-syllable word as a prefix while any document is
-- older (lib/data/search-tokenizer.ts): this answers "is any left" at once,
-- and is empty once every paper has been indexed again.
CREATE INDEX "SearchDocument_older_tokenizer_idx" ON "SearchDocument"("publicationId") WHERE "tokenizer" < 2;

-- Every paper indexed again by the running portal (lib/search/indexer.ts), or
-- all at once by `npm run search:reindex`, which takes the queue.
INSERT INTO "SearchQueue" ("publicationId") SELECT "publicationId" FROM "SearchDocument"
ON CONFLICT ("publicationId") DO NOTHING;

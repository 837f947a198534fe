-- Tokenizer 3 keeps the syllable pair across a space between two Korean words
-- as a token of its own (lib/search/tokens.ts: spacedPair), so that a word of
-- one pair ("동맹") no longer finds two neighbouring words ("이동 맹점"), nor a
-- one-syllable word the end of a word ("핵" in "북핵 문제"). Searches find the
-- same papers as before in the documents tokenizer 2 wrote, so they are simply
-- indexed again: by the running portal (lib/search/indexer.ts), or all at once
-- by `npm run search:reindex`, which takes the queue.
INSERT INTO "SearchQueue" ("publicationId") SELECT "publicationId" FROM "SearchDocument" WHERE "tokenizer" < 3
ON CONFLICT ("publicationId") DO NOTHING;

-- A change to a paper being indexed is queued again, whenever it commits.
--
-- The indexer holds its batch's queue rows locked while it reads the papers
-- and writes their documents, and deletes the rows before it commits
-- (lib/data/search-index.ts). `ON CONFLICT DO NOTHING` found such a row still
-- there and did nothing, so a change committed after the indexer had read the
-- paper was lost with the row: an upload followed by an edit of the body left
-- the body unsearchable until the paper's next change.
--
-- `DO UPDATE` locks the row instead: a change whose paper a batch has taken
-- waits for that batch and then queues the paper anew (the row it waited on is
-- gone, and the insert is tried again); a batch skips the rows of changes not
-- yet committed (SKIP LOCKED) and takes them once they are. The indexer itself
-- waits on no change (it skips papers being deleted), so waiting on it cannot
-- deadlock. Ids in order, so that two changes queueing the same papers take
-- their rows in the same order.
CREATE OR REPLACE FUNCTION search_enqueue(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchQueue" ("publicationId")
  SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL ORDER BY id
  ON CONFLICT ("publicationId") DO UPDATE SET "queuedAt" = "SearchQueue"."queuedAt";
$$;

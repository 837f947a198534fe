-- A search document now carries its paper's catalogue facts (series, year,
-- topics, regions and authors of each language's entry) as lexemes of its
-- title vector (lib/search/facts.ts), so that a filtered search narrows its
-- matches in the GIN indexes instead of mapping every match of a common word
-- to the catalogue first (lib/data/catalogue-filter.ts: factsFilterSql).
--
-- Entries are rebuilt by the catalogue's triggers (migration
-- 20261129085728_catalogue_entries), also for changes the search text does not
-- read: a twin's topics, a paper's status or date. Every entry written queues
-- its paper here, in the same transaction, so that while a document's facts
-- are behind the catalogue the paper is queued, and a search narrowed by
-- facts keeps queued papers (lib/data/search-ranking.ts). An entry removed
-- needs nothing: a fact the document still has only lets the entry test
-- decide, as before.
CREATE FUNCTION search_enqueue_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM search_enqueue(ARRAY(SELECT DISTINCT "publicationId" FROM new_rows));
  RETURN NULL;
END;
$$;

CREATE TRIGGER search_catalogue_entry AFTER INSERT ON "CatalogueEntry"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_enqueue_entries();

-- The documents already written have no facts yet: each paper is indexed again
-- in the background, and is found meanwhile as a queued paper.
SELECT search_enqueue(ARRAY(SELECT id FROM "Publication"));

-- One GIN index over all of a search document's parts together (title, head,
-- body and PDFs), on their concatenation: no column holds it. A search asks
-- for every word, each in any part, and on this index that is one bitmap
-- scan whose words are intersected inside the index and read only as far as
-- the search needs (lib/data/search-ranking.ts: matchingDocumentsSql). With
-- one index per part, a search of several words read each word's matches in
-- all four whole and intersected them in the statement: at 100,000 papers,
-- 35-48 ms a common word, and most of the slowest searches' time.
--
-- The concatenation is a function of its own, declared costly: it reads all
-- four vectors (the body's and the PDFs' from TOAST) and merges them, and a
-- planner that priced it as the cheap operator it looks like could choose to
-- test it on every row rather than scan the index. PL/pgSQL, so that it is
-- never inlined into the operator, which would lose the cost.
CREATE FUNCTION search_every_part(title tsvector, head tsvector, body tsvector, pdf tsvector) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
BEGIN
  RETURN title || head || body || pdf;
END;
$$;

-- As large as the body's and the PDFs' indexes together (5.7 GB at 100,000
-- real-size papers). While it is built here, papers can be read and searched
-- but their search documents not written (the indexer's changes wait in the
-- search queue). Its own build time was not measured alone: at 100,000 papers
-- `npm run search:reindex` builds it and the four others, two at a time, in
-- about 45 minutes (README, Performance).
CREATE INDEX "SearchDocument_every_idx" ON "SearchDocument" USING GIN (search_every_part(title, head, body, pdf)) WITH (fastupdate = off);

-- Every part of a search document (title, head, body, PDFs) now carries its
-- paper's fact lexemes, not the title alone (lib/search/document.ts), so that a
-- filtered search asks each part's index for the words and the facts together
-- (lib/data/search-ranking.ts: matchingDocumentsSql).
--
-- The documents already written carry them in the title only: each paper is
-- indexed again in the background, and is found meanwhile as a queued paper
-- (by its words, whatever its facts; the catalogue's entries decide). On a
-- large catalogue `npm run search:reindex` does it sooner.
SELECT search_enqueue(ARRAY(SELECT id FROM "Publication"));

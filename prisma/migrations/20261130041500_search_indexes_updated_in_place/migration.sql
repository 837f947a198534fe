-- The search documents' GIN indexes are updated as each document is written,
-- not through a pending list. With a pending list (PostgreSQL's default), the
-- write that fills it merges the whole list into the index, inside that
-- write's transaction: with 10,000 real-size papers indexed, one such merge
-- took 16 minutes and `npm run search:reindex` failed on the batch's time
-- limit. Written in place, every document costs about the same, and a new
-- paper never waits behind a merge to become searchable.
ALTER INDEX "SearchDocument_title_idx" SET (fastupdate = off);
ALTER INDEX "SearchDocument_head_idx" SET (fastupdate = off);
ALTER INDEX "SearchDocument_body_idx" SET (fastupdate = off);
ALTER INDEX "SearchDocument_pdf_idx" SET (fastupdate = off);

-- What the pending lists hold already goes into the indexes now (turning the
-- option off does not move it).
SELECT gin_clean_pending_list(i::regclass)
FROM unnest(ARRAY['"SearchDocument_title_idx"', '"SearchDocument_head_idx"',
  '"SearchDocument_body_idx"', '"SearchDocument_pdf_idx"']) AS i;

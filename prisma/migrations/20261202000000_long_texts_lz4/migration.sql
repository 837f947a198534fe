-- The long texts read whole (a paper's Markdown body, its PDFs' extracted
-- text, its rendered body and its stored page) are compressed with lz4 from
-- now on instead of pglz, which PostgreSQL uses by default: reading twenty
-- real-size bodies (800 KB) took 15-18 ms with pglz and 6 ms with lz4, and a
-- page of search results reads them for its snippets (README, Performance).
-- lz4 takes about 8 % more room.
--
-- Only where the server was built with lz4 (Debian's and the official images
-- are; the embedded database is not, and keeps pglz). Values already stored
-- keep their compression until they are written again: rewriting every paper
-- here would fire the triggers that queue it for the search index and drop
-- its stored pages. Stored pages and rendered bodies are written anew with
-- each build and each edit.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "Publication" ALTER COLUMN "body" SET COMPRESSION lz4;
    ALTER TABLE "Attachment" ALTER COLUMN "extractedText" SET COMPRESSION lz4;
    ALTER TABLE "RenderedBody" ALTER COLUMN "html" SET COMPRESSION lz4;
    ALTER TABLE "StoredPage" ALTER COLUMN "html" SET COMPRESSION lz4;
  END IF;
END
$$;

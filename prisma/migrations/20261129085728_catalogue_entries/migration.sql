-- CreateTable
CREATE TABLE "CatalogueEntry" (
    "language" "Language" NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "targetId" INTEGER NOT NULL,
    "visibleFrom" TIMESTAMPTZ(3),
    "publishedAt" TIMESTAMPTZ(3),
    "seriesId" INTEGER NOT NULL,
    "topicIds" INTEGER[],
    "regionIds" INTEGER[],
    "authorIds" INTEGER[],

    CONSTRAINT "CatalogueEntry_pkey" PRIMARY KEY ("language","publicationId")
);

-- CreateIndex
CREATE INDEX "CatalogueEntry_targetId_idx" ON "CatalogueEntry"("targetId");

-- AddForeignKey
ALTER TABLE "CatalogueEntry" ADD CONSTRAINT "CatalogueEntry_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatalogueEntry" ADD CONSTRAINT "CatalogueEntry_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A paper's catalogue entries depend on its own row (status, date, language,
-- series, twin), its twin's, and the twin's topics, regions and authors. These
-- triggers rebuild the entries of every paper a statement touches, and of their
-- twins, in the statement's own transaction: what readers may find changes with
-- the write that changes it, not seconds later as the search index does.
-- Statement triggers with transition tables, so that an import or the benchmark
-- writing thousands of rows rebuilds them in one pass.
CREATE FUNCTION catalogue_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  papers integer[] := ARRAY(
    SELECT id FROM unnest(ids) AS id WHERE id IS NOT NULL
    UNION SELECT "translationId" FROM "Publication" WHERE id = ANY(ids) AND "translationId" IS NOT NULL
    UNION SELECT id FROM "Publication" WHERE "translationId" = ANY(ids));
BEGIN
  DELETE FROM "CatalogueEntry" WHERE "publicationId" = ANY(papers);
  INSERT INTO "CatalogueEntry" (language, "publicationId", "targetId", "visibleFrom", "publishedAt", "seriesId",
    "topicIds", "regionIds", "authorIds")
  SELECT l.language, p.id, t.id,
    -- Published, or scheduled with its time come (lib/data/visibility.ts), both of them.
    CASE WHEN p.status IN ('published', 'scheduled') AND t.status IN ('published', 'scheduled')
      THEN greatest(p."publishedAt", t."publishedAt") END,
    t."publishedAt", t."seriesId",
    ARRAY(SELECT "topicId" FROM "PublicationTopic" WHERE "publicationId" = t.id ORDER BY 1),
    ARRAY(SELECT "regionId" FROM "PublicationRegion" WHERE "publicationId" = t.id ORDER BY 1),
    ARRAY(SELECT "authorId" FROM "Authorship" WHERE "publicationId" = t.id ORDER BY 1)
  FROM "Publication" p
  CROSS JOIN unnest(enum_range(NULL::"Language")) AS l(language)
  CROSS JOIN LATERAL (SELECT coalesce(p."translationId",
    (SELECT x.id FROM "Publication" x WHERE x."translationId" = p.id)) AS id) twin
  -- Shown: the paper in the reader's language, or as it is when it has no twin.
  JOIN "Publication" t ON t.id = CASE WHEN p.language = l.language OR twin.id IS NULL THEN p.id ELSE twin.id END
  WHERE p.id = ANY(papers)
    -- Each paper once per language: the shown one is in that language or has no twin.
    AND (t.language = l.language OR (t."translationId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Publication" x WHERE x."translationId" = t.id)));
END;
$$;

CREATE FUNCTION catalogue_refresh_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'Publication' THEN
    IF TG_OP = 'INSERT' THEN
      PERFORM catalogue_refresh(ARRAY(SELECT id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
      -- Its own entries and those showing it went with it (cascade); its twin now stands alone.
      PERFORM catalogue_refresh(ARRAY(SELECT "translationId" FROM old_rows));
    ELSE
      -- Only changes the catalogue reads: hit counting and edits of the text rebuild nothing.
      PERFORM catalogue_refresh(ARRAY(
        SELECT unnest(ARRAY[n.id, o."translationId"]) FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE (n.status, n."publishedAt", n.language, n."seriesId", n."translationId")
          IS DISTINCT FROM (o.status, o."publishedAt", o.language, o."seriesId", o."translationId")));
    END IF;
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM catalogue_refresh(ARRAY(SELECT "publicationId" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM catalogue_refresh(ARRAY(SELECT "publicationId" FROM old_rows));
  ELSE
    PERFORM catalogue_refresh(ARRAY(SELECT "publicationId" FROM new_rows UNION SELECT "publicationId" FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER catalogue_publication_insert AFTER INSERT ON "Publication"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_publication_update AFTER UPDATE ON "Publication"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_publication_delete AFTER DELETE ON "Publication"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_topic_insert AFTER INSERT ON "PublicationTopic"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_topic_delete AFTER DELETE ON "PublicationTopic"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_region_insert AFTER INSERT ON "PublicationRegion"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_region_delete AFTER DELETE ON "PublicationRegion"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_authorship_insert AFTER INSERT ON "Authorship"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_authorship_update AFTER UPDATE ON "Authorship"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();
CREATE TRIGGER catalogue_authorship_delete AFTER DELETE ON "Authorship"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalogue_refresh_rows();

-- The papers already here.
SELECT catalogue_refresh(ARRAY(SELECT id FROM "Publication"));

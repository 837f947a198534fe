-- CreateTable
CREATE TABLE "SearchDocument" (
    "publicationId" INTEGER NOT NULL,
    "title" tsvector NOT NULL,
    "head" tsvector NOT NULL,
    "body" tsvector NOT NULL,
    "pdf" tsvector NOT NULL,
    "every" tsvector NOT NULL,
    "titleKey" TEXT NOT NULL DEFAULT '',
    "indexedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchDocument_pkey" PRIMARY KEY ("publicationId")
);

-- CreateTable
CREATE TABLE "SearchQueue" (
    "publicationId" INTEGER NOT NULL,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchQueue_pkey" PRIMARY KEY ("publicationId")
);

-- CreateIndex
CREATE INDEX "SearchDocument_every_idx" ON "SearchDocument" USING GIN ("every");

-- CreateIndex
CREATE INDEX "SearchQueue_queuedAt_idx" ON "SearchQueue"("queuedAt");

-- AddForeignKey
ALTER TABLE "SearchDocument" ADD CONSTRAINT "SearchDocument_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A paper's search document reads its own fields, its attachments' text, its
-- authors', topics', regions' and series' names. A change to any of them
-- queues the paper (lib/data/search-index.ts re-indexes it within seconds):
-- triggers, so that no write path (editor, upload, import, seed, a hand-made
-- UPDATE) can forget it. Hit counting updates other columns and queues nothing.
CREATE FUNCTION search_enqueue(ids integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "SearchQueue" ("publicationId")
  SELECT DISTINCT id FROM unnest(ids) AS id WHERE id IS NOT NULL
  ON CONFLICT ("publicationId") DO NOTHING;
$$;

CREATE FUNCTION search_enqueue_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF TG_TABLE_NAME = 'Publication' THEN
    PERFORM search_enqueue(ARRAY[source.id]);
  ELSIF TG_TABLE_NAME IN ('Attachment', 'Authorship', 'PublicationTopic', 'PublicationRegion') THEN
    PERFORM search_enqueue(ARRAY[source."publicationId"]);
  ELSIF TG_TABLE_NAME = 'Author' THEN
    PERFORM search_enqueue(ARRAY(SELECT "publicationId" FROM "Authorship" WHERE "authorId" = source.id));
  ELSIF TG_TABLE_NAME = 'Topic' THEN
    PERFORM search_enqueue(ARRAY(SELECT "publicationId" FROM "PublicationTopic" WHERE "topicId" = source.id));
  ELSIF TG_TABLE_NAME = 'Region' THEN
    PERFORM search_enqueue(ARRAY(SELECT "publicationId" FROM "PublicationRegion" WHERE "regionId" = source.id));
  ELSIF TG_TABLE_NAME = 'Series' THEN
    PERFORM search_enqueue(ARRAY(SELECT id FROM "Publication" WHERE "seriesId" = source.id));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER search_publication AFTER INSERT OR UPDATE OF title, subtitle, "reportNumber", summary, body, "seriesId"
  ON "Publication" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_attachment AFTER INSERT OR DELETE OR UPDATE OF "extractedText", "publicationId"
  ON "Attachment" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_authorship AFTER INSERT OR DELETE OR UPDATE
  ON "Authorship" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_publication_topic AFTER INSERT OR DELETE
  ON "PublicationTopic" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_publication_region AFTER INSERT OR DELETE
  ON "PublicationRegion" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_author AFTER UPDATE OF "nameKo", "nameEn"
  ON "Author" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_topic AFTER UPDATE OF "nameKo", "nameEn"
  ON "Topic" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_region AFTER UPDATE OF "nameKo", "nameEn"
  ON "Region" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();
CREATE TRIGGER search_series AFTER UPDATE OF "nameKo", "nameEn", "reportPrefix"
  ON "Series" FOR EACH ROW EXECUTE FUNCTION search_enqueue_row();

-- Papers already in the database are indexed once the portal runs.
INSERT INTO "SearchQueue" ("publicationId") SELECT id FROM "Publication";

-- CreateTable
CREATE TABLE "StoredPage" (
    "publicationId" INTEGER NOT NULL,
    "locale" "Language" NOT NULL,
    "renderedBy" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "storedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredPage_pkey" PRIMARY KEY ("publicationId","locale")
);

-- CreateTable
CREATE TABLE "StoredPageEpoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "value" BIGINT NOT NULL DEFAULT 0,
    "siteChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredPageEpoch_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "StoredPage" ADD CONSTRAINT "StoredPage_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row, as SiteSettings.
ALTER TABLE "StoredPageEpoch" ADD CONSTRAINT "StoredPageEpoch_single_row" CHECK ("id" = 1);
INSERT INTO "StoredPageEpoch" (id, value) VALUES (1, 0);

-- A stored page shows its paper (fields, authors, topics, regions,
-- attachments, twin), its series' neighbours, the series (every page's header
-- lists them) and the site settings. A change to any of them drops the pages
-- that show it: triggers, so that no write path (editor, upload, import,
-- seed, a hand-made UPDATE) can forget it. Counting updates other columns and
-- drops nothing: the hit figure is put into a stored page as it is served.
-- Every drop first raises the epoch. A page carries the epoch it was rendered
-- at and is stored only if it is still the same (lib/data/stored-pages.ts):
-- the raise locks the row until the change commits, and the drop runs after it.
CREATE FUNCTION stored_pages_drop(ids integer[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "StoredPageEpoch" SET value = value + 1 WHERE id = 1;
  DELETE FROM "StoredPage" WHERE "publicationId" = ANY(ids);
$$;

-- The public papers just before and after a paper in its series and language
-- (the previous and next links of lib/data/publications.ts getSeriesNeighbours;
-- public as lib/data/visibility.ts says).
CREATE FUNCTION stored_pages_neighbours(r "Publication") RETURNS integer[] LANGUAGE sql STABLE AS $$
  SELECT ARRAY(
    (SELECT p.id FROM "Publication" p
      WHERE p."seriesId" = r."seriesId" AND p.language = r.language AND p.id <> r.id
        AND p.status IN ('published', 'scheduled') AND p."publishedAt" <= now()
        AND (p."publishedAt", p.id) < (r."publishedAt", r.id)
      ORDER BY p."publishedAt" DESC, p.id DESC LIMIT 1)
    UNION ALL
    (SELECT p.id FROM "Publication" p
      WHERE p."seriesId" = r."seriesId" AND p.language = r.language AND p.id <> r.id
        AND p.status IN ('published', 'scheduled') AND p."publishedAt" <= now()
        AND (p."publishedAt", p.id) > (r."publishedAt", r.id)
      ORDER BY p."publishedAt", p.id LIMIT 1));
$$;

CREATE FUNCTION stored_pages_drop_all() RETURNS void LANGUAGE sql AS $$
  UPDATE "StoredPageEpoch" SET value = value + 1, "siteChangedAt" = now() WHERE id = 1;
  DELETE FROM "StoredPage";
$$;

-- A paper's page, and its twin's (which links to it). When what a listing
-- shows of it changes (whether it is public, when, its title, number, series
-- or language), the pages of the papers before and after it in its series,
-- before the change and after: their previous and next links.
CREATE FUNCTION stored_pages_drop_publication() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rows "Publication"[] := CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW] WHEN 'DELETE' THEN ARRAY[OLD] ELSE ARRAY[OLD, NEW] END;
  r "Publication";
  listed boolean := TG_OP <> 'UPDATE' OR (OLD.status, OLD."publishedAt", OLD.title, OLD."reportNumber", OLD."seriesId", OLD.language)
    IS DISTINCT FROM (NEW.status, NEW."publishedAt", NEW.title, NEW."reportNumber", NEW."seriesId", NEW.language);
BEGIN
  FOREACH r IN ARRAY rows LOOP
    PERFORM stored_pages_drop(ARRAY[r.id, r."translationId"]
      || ARRAY(SELECT id FROM "Publication" WHERE "translationId" = r.id)
      || CASE WHEN listed THEN stored_pages_neighbours(r) ELSE '{}'::integer[] END);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE FUNCTION stored_pages_drop_row() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  source record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
  IF TG_TABLE_NAME IN ('Attachment', 'Authorship', 'PublicationTopic', 'PublicationRegion') THEN
    PERFORM stored_pages_drop(CASE WHEN TG_OP = 'UPDATE' THEN ARRAY[OLD."publicationId", NEW."publicationId"]
      ELSE ARRAY[source."publicationId"] END);
  ELSIF TG_TABLE_NAME = 'Author' THEN
    PERFORM stored_pages_drop(ARRAY(SELECT "publicationId" FROM "Authorship" WHERE "authorId" = source.id));
  ELSIF TG_TABLE_NAME = 'Topic' THEN
    PERFORM stored_pages_drop(ARRAY(SELECT "publicationId" FROM "PublicationTopic" WHERE "topicId" = source.id));
  ELSIF TG_TABLE_NAME = 'Region' THEN
    PERFORM stored_pages_drop(ARRAY(SELECT "publicationId" FROM "PublicationRegion" WHERE "regionId" = source.id));
  ELSE
    -- Series (every page's header lists them), the site settings and their images.
    PERFORM stored_pages_drop_all();
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER stored_pages_publication AFTER INSERT OR DELETE OR UPDATE OF "seriesId", "reportNumber", language,
  "translationId", title, subtitle, summary, body, status, "publishedAt"
  ON "Publication" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_publication();
CREATE TRIGGER stored_pages_attachment AFTER INSERT OR DELETE OR UPDATE OF "publicationId", "fileName", "byteSize",
  "mediaType", "pageCount", "sortOrder"
  ON "Attachment" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_authorship AFTER INSERT OR DELETE OR UPDATE
  ON "Authorship" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_publication_topic AFTER INSERT OR DELETE OR UPDATE
  ON "PublicationTopic" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_publication_region AFTER INSERT OR DELETE OR UPDATE
  ON "PublicationRegion" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_author AFTER UPDATE
  ON "Author" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_topic AFTER UPDATE
  ON "Topic" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_region AFTER UPDATE
  ON "Region" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_series AFTER INSERT OR DELETE OR UPDATE
  ON "Series" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_site_settings AFTER INSERT OR DELETE OR UPDATE
  ON "SiteSettings" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();
CREATE TRIGGER stored_pages_site_asset AFTER INSERT OR DELETE OR UPDATE
  ON "SiteAsset" FOR EACH ROW EXECUTE FUNCTION stored_pages_drop_row();

-- Every paper now has an entry in every language. A paper whose twin is in
-- the same language fits neither reader of the other one: it had no entry
-- there, and now has one that is never public (visibleFrom null, shown as
-- itself), like a draft's. So a search can tell from its documents alone that
-- the listing's own set is past the count's cap, without looking up each
-- one's entry: each document has exactly one entry per language, and the
-- entries not public now, which it counts, bound the documents that drop out
-- (lib/data/search-slice.ts).
CREATE OR REPLACE FUNCTION catalogue_refresh(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
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
    -- Published, or scheduled with its time come (lib/data/visibility.ts), both of them, and fitting.
    CASE WHEN shown.fits AND p.status IN ('published', 'scheduled') AND t.status IN ('published', 'scheduled')
      THEN greatest(p."publishedAt", t."publishedAt") END,
    t."publishedAt", t."seriesId",
    ARRAY(SELECT "topicId" FROM "PublicationTopic" WHERE "publicationId" = t.id ORDER BY 1),
    ARRAY(SELECT "regionId" FROM "PublicationRegion" WHERE "publicationId" = t.id ORDER BY 1),
    ARRAY(SELECT "authorId" FROM "Authorship" WHERE "publicationId" = t.id ORDER BY 1)
  FROM "Publication" p
  CROSS JOIN unnest(enum_range(NULL::"Language")) AS l(language)
  CROSS JOIN LATERAL (SELECT coalesce(p."translationId",
    (SELECT x.id FROM "Publication" x WHERE x."translationId" = p.id)) AS id) twin
  -- Shown: the paper in the reader's language, or as it is when it has no twin; when neither
  -- it nor its twin is in that language, itself, never public.
  CROSS JOIN LATERAL (SELECT p.language = l.language OR twin.id IS NULL AS own,
    (SELECT y.language FROM "Publication" y WHERE y.id = twin.id) = l.language AS twin) fit
  CROSS JOIN LATERAL (SELECT fit.own OR coalesce(fit.twin, FALSE) AS fits) shown
  JOIN "Publication" t ON t.id = CASE WHEN NOT fit.own AND shown.fits THEN twin.id ELSE p.id END
  WHERE p.id = ANY(papers);
END;
$$;

-- The papers that had no entry in a language get their never-public one.
SELECT catalogue_refresh(ARRAY(
  SELECT p.id FROM "Publication" p CROSS JOIN unnest(enum_range(NULL::"Language")) AS l(language)
  WHERE NOT EXISTS (SELECT 1 FROM "CatalogueEntry" e WHERE e.language = l.language AND e."publicationId" = p.id)));

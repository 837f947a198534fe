-- AlterTable
ALTER TABLE "StoredPageEpoch" ADD COLUMN "liveCheckedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- A scheduled paper going public (or one published with a date to come) is no write: nothing fires the triggers of
-- migration 20261130042551_stored_pages, and the stored pages that link to it
-- (the papers before and after it in its series, its twin) went on without the
-- link until refreshed, up to an hour later. The portal's server calls this
-- every minute or so (server/stored-pages.ts): it drops those pages for every
-- scheduled paper whose time came since the last call, by any instance. The
-- epoch's row is locked first, as every drop takes it, so two instances
-- calling at once drop them once; the epoch is raised only when a paper
-- went public. Returns how many papers did.
CREATE FUNCTION stored_pages_drop_gone_live() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  since timestamptz;
  upto timestamptz := now();
  live "Publication"[];
  r "Publication";
BEGIN
  SELECT "liveCheckedAt" INTO since FROM "StoredPageEpoch" WHERE id = 1 FOR UPDATE;
  live := ARRAY(SELECT p FROM "Publication" p
    WHERE p.status IN ('published', 'scheduled') AND p."publishedAt" > since AND p."publishedAt" <= upto);
  UPDATE "StoredPageEpoch" SET "liveCheckedAt" = upto WHERE id = 1 AND "liveCheckedAt" < upto;
  FOREACH r IN ARRAY live LOOP
    PERFORM stored_pages_drop(ARRAY[r."translationId"]
      || ARRAY(SELECT id FROM "Publication" WHERE "translationId" = r.id)
      || stored_pages_neighbours(r));
  END LOOP;
  RETURN coalesce(array_length(live, 1), 0);
END;
$$;

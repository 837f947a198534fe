-- A paper's delete raises the stored pages' epoch before its cascade deletes
-- the paper's own stored pages, so that every change takes the epoch before
-- any stored page's row, as writes of a page and every other drop do
-- (migration 20261130042551_stored_pages, lib/data/stored-pages.ts).
--
-- Before, the cascade (a foreign key's trigger, which runs before the
-- paper's own AFTER trigger) deleted the paper's pages first, then the
-- trigger raised the epoch and dropped its neighbours' pages: two papers
-- next to each other in a series, deleted at once, each held its own pages
-- and waited for the other's (found in e2e: "deadlock detected").
--
-- Row-level, so the paper's row is locked first, as a write of its page
-- locks it before the epoch.
CREATE FUNCTION stored_pages_raise_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "StoredPageEpoch" SET value = value + 1 WHERE id = 1;
  RETURN OLD;
END;
$$;

CREATE TRIGGER stored_pages_publication_delete BEFORE DELETE ON "Publication"
  FOR EACH ROW EXECUTE FUNCTION stored_pages_raise_epoch();

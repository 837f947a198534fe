-- Each counted view cost the database about twice what it had to: a foreign-key
-- check per row, and an index on (publication, kind, visitor, time) that every
-- insert wrote into at a random place. The insert already keeps out ids that
-- are not published, folding skips events whose publication was deleted since
-- (the purge removes them with the rest), and finds double clicks by comparing
-- a batch with the 30 seconds before it (one range over occurredAt) instead of
-- probing that index per event.

-- DropForeignKey
ALTER TABLE "UsageEvent" DROP CONSTRAINT "UsageEvent_attachmentId_fkey";

-- DropForeignKey
ALTER TABLE "UsageEvent" DROP CONSTRAINT "UsageEvent_publicationId_fkey";

-- DropIndex
DROP INDEX "UsageEvent_publicationId_kind_visitorHash_occurredAt_idx";

-- DropIndex
DROP INDEX "SearchDocument_every_idx";

-- AlterTable
ALTER TABLE "SearchDocument" DROP COLUMN "every",
ADD COLUMN     "numberKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "SearchDocument_title_idx" ON "SearchDocument" USING GIN ("title");

-- CreateIndex
CREATE INDEX "SearchDocument_head_idx" ON "SearchDocument" USING GIN ("head");

-- CreateIndex
CREATE INDEX "SearchDocument_body_idx" ON "SearchDocument" USING GIN ("body");

-- CreateIndex
CREATE INDEX "SearchDocument_pdf_idx" ON "SearchDocument" USING GIN ("pdf");

-- Documents written before this migration have no number keys: every paper is indexed again
-- (the running portal does it within minutes; npm run search:reindex does it at once).
INSERT INTO "SearchQueue" ("publicationId") SELECT id FROM "Publication" ON CONFLICT ("publicationId") DO NOTHING;

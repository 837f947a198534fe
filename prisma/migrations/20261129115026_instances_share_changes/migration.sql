-- AlterTable
ALTER TABLE "StatsFold" ADD COLUMN     "ranAt" TIMESTAMPTZ(3),
ADD COLUMN     "runs" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ReaderPagesChange" (
    "id" BIGSERIAL NOT NULL,
    "origin" TEXT NOT NULL,
    "change" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReaderPagesChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReaderPagesChange_at_idx" ON "ReaderPagesChange"("at");

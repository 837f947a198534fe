-- A claimed, not yet finished attempt: a repeated submission finds the first one.
ALTER TYPE "EmailShareOutcome" ADD VALUE 'pending' BEFORE 'sent';

-- AlterTable
ALTER TABLE "EmailShare" ADD COLUMN     "submissionId" TEXT;

-- DropTable
DROP TABLE "RateLimitBucket";

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits"("expire");

-- CreateIndex
CREATE UNIQUE INDEX "EmailShare_submissionId_key" ON "EmailShare"("submissionId");

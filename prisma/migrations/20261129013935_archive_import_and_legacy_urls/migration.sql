-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('running', 'finished', 'failed');

-- AlterTable
ALTER TABLE "Author" ADD COLUMN     "legacyKey" TEXT;

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "legacyId" TEXT,
ADD COLUMN     "legacyLineHash" TEXT;

-- CreateTable
CREATE TABLE "LegacyUrl" (
    "id" SERIAL NOT NULL,
    "path" TEXT NOT NULL,
    "paramNames" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "publicationId" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LegacyUrl_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RedirectRule" (
    "id" SERIAL NOT NULL,
    "fromPath" TEXT NOT NULL,
    "toPath" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RedirectRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "startedBy" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'running',
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "imported" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "refusedLines" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegacyUrl_path_paramNames_idx" ON "LegacyUrl"("path", "paramNames");

-- CreateIndex
CREATE INDEX "LegacyUrl_publicationId_idx" ON "LegacyUrl"("publicationId");

-- CreateIndex
CREATE UNIQUE INDEX "LegacyUrl_path_query_key" ON "LegacyUrl"("path", "query");

-- CreateIndex
CREATE UNIQUE INDEX "RedirectRule_fromPath_key" ON "RedirectRule"("fromPath");

-- CreateIndex
CREATE INDEX "ImportRun_startedAt_idx" ON "ImportRun"("startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Author_legacyKey_key" ON "Author"("legacyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_legacyId_key" ON "Publication"("legacyId");

-- AddForeignKey
ALTER TABLE "LegacyUrl" ADD CONSTRAINT "LegacyUrl_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

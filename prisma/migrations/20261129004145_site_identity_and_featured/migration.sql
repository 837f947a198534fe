-- CreateEnum
CREATE TYPE "SiteAssetKind" AS ENUM ('logo', 'favicon', 'shareImage');

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "featuredAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "institutionNameKo" TEXT NOT NULL,
    "institutionNameEn" TEXT NOT NULL,
    "shortNameKo" TEXT NOT NULL,
    "shortNameEn" TEXT NOT NULL,
    "siteTitleKo" TEXT NOT NULL,
    "siteTitleEn" TEXT NOT NULL,
    "taglineKo" TEXT NOT NULL DEFAULT '',
    "taglineEn" TEXT NOT NULL DEFAULT '',
    "addressKo" TEXT NOT NULL DEFAULT '',
    "addressEn" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "websiteUrl" TEXT NOT NULL DEFAULT '',
    "socialLinks" JSONB NOT NULL DEFAULT '[]',
    "privacyKo" TEXT NOT NULL DEFAULT '',
    "privacyEn" TEXT NOT NULL DEFAULT '',
    "accessibilityKo" TEXT NOT NULL DEFAULT '',
    "accessibilityEn" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiteSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteAsset" (
    "kind" "SiteAssetKind" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiteAsset_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE INDEX "Publication_featuredAt_idx" ON "Publication"("featuredAt" DESC);

-- One row only: the settings are the site's, not a list.
ALTER TABLE "SiteSettings" ADD CONSTRAINT "SiteSettings_single_row" CHECK ("id" = 1);
ALTER TABLE "SiteAsset" ADD CONSTRAINT "SiteAsset_byteSize_positive" CHECK ("byteSize" > 0);

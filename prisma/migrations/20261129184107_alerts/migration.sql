-- CreateEnum
CREATE TYPE "AlertFrequency" AS ENUM ('instant', 'daily');

-- CreateEnum
CREATE TYPE "AlertDeliveryStatus" AS ENUM ('queued', 'sending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "AlertSubscriber" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" "Language" NOT NULL,
    "frequency" "AlertFrequency" NOT NULL DEFAULT 'instant',
    "everything" BOOLEAN NOT NULL DEFAULT false,
    "confirmedAt" TIMESTAMPTZ(3) NOT NULL,
    "unsubscribedAt" TIMESTAMPTZ(3),
    "bouncedAt" TIMESTAMPTZ(3),
    "bounceReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertSubscriber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertSeries" (
    "subscriberId" TEXT NOT NULL,
    "seriesId" INTEGER NOT NULL,

    CONSTRAINT "AlertSeries_pkey" PRIMARY KEY ("subscriberId","seriesId")
);

-- CreateTable
CREATE TABLE "AlertTopic" (
    "subscriberId" TEXT NOT NULL,
    "topicId" INTEGER NOT NULL,

    CONSTRAINT "AlertTopic_pkey" PRIMARY KEY ("subscriberId","topicId")
);

-- CreateTable
CREATE TABLE "AlertAuthor" (
    "subscriberId" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,

    CONSTRAINT "AlertAuthor_pkey" PRIMARY KEY ("subscriberId","authorId")
);

-- CreateTable
CREATE TABLE "AlertRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" "Language" NOT NULL,
    "frequency" "AlertFrequency" NOT NULL,
    "everything" BOOLEAN NOT NULL,
    "seriesIds" INTEGER[],
    "topicIds" INTEGER[],
    "authorIds" INTEGER[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AlertRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AlertAnnouncement" (
    "publicationId" INTEGER NOT NULL,
    "announcedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertAnnouncement_pkey" PRIMARY KEY ("publicationId")
);

-- CreateTable
CREATE TABLE "AlertDelivery" (
    "id" BIGSERIAL NOT NULL,
    "subscriberId" TEXT,
    "publicationId" INTEGER NOT NULL,
    "status" "AlertDeliveryStatus" NOT NULL DEFAULT 'queued',
    "digest" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AlertDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AlertSubscriber_email_key" ON "AlertSubscriber"("email");

-- CreateIndex
CREATE INDEX "AlertSeries_seriesId_idx" ON "AlertSeries"("seriesId");

-- CreateIndex
CREATE INDEX "AlertTopic_topicId_idx" ON "AlertTopic"("topicId");

-- CreateIndex
CREATE INDEX "AlertAuthor_authorId_idx" ON "AlertAuthor"("authorId");

-- CreateIndex
CREATE INDEX "AlertRequest_expiresAt_idx" ON "AlertRequest"("expiresAt");

-- CreateIndex
CREATE INDEX "AlertDelivery_publicationId_status_idx" ON "AlertDelivery"("publicationId", "status");

-- CreateIndex
CREATE INDEX "AlertDelivery_status_digest_idx" ON "AlertDelivery"("status", "digest");

-- CreateIndex
CREATE UNIQUE INDEX "AlertDelivery_subscriberId_publicationId_key" ON "AlertDelivery"("subscriberId", "publicationId");

-- AddForeignKey
ALTER TABLE "AlertSeries" ADD CONSTRAINT "AlertSeries_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "AlertSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertSeries" ADD CONSTRAINT "AlertSeries_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertTopic" ADD CONSTRAINT "AlertTopic_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "AlertSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertTopic" ADD CONSTRAINT "AlertTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertAuthor" ADD CONSTRAINT "AlertAuthor_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "AlertSubscriber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertAuthor" ADD CONSTRAINT "AlertAuthor_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertAnnouncement" ADD CONSTRAINT "AlertAnnouncement_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "AlertSubscriber"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

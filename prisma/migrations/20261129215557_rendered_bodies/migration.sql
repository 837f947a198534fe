-- CreateTable
CREATE TABLE "RenderedBody" (
    "publicationId" INTEGER NOT NULL,
    "sourceHash" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "toc" JSONB NOT NULL,
    "renderedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RenderedBody_pkey" PRIMARY KEY ("publicationId")
);

-- AddForeignKey
ALTER TABLE "RenderedBody" ADD CONSTRAINT "RenderedBody_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

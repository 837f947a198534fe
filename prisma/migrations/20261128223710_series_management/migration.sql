-- AlterTable
ALTER TABLE "Series" ADD COLUMN     "archivedAt" TIMESTAMPTZ(3),
ADD COLUMN     "inNavigation" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reportNumberPattern" TEXT NOT NULL DEFAULT '^\d{4}-\d{1,3}[EK]?$';

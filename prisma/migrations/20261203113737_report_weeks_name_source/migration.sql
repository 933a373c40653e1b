-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "nameSource" TEXT;

-- CreateTable
CREATE TABLE "ReportWeek" (
    "id" BIGSERIAL NOT NULL,
    "dimension" TEXT NOT NULL,
    "group" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "people" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "hidden" TEXT,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportWeek_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportWeek_dimension_week_group_key" ON "ReportWeek"("dimension", "week", "group");

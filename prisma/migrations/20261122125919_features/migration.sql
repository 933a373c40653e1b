-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED');

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "descriptionEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "nameEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "ProgrammeStep" ADD COLUMN     "phaseEn" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Prompt" ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'library';

-- CreateTable
CREATE TABLE "Download" (
    "token" TEXT NOT NULL,
    "personId" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Download_pkey" PRIMARY KEY ("token")
);

-- CreateTable
CREATE TABLE "NudgeCampaign" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" JSONB NOT NULL,
    "variants" JSONB NOT NULL,
    "schedule" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NudgeCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Download_expiresAt_idx" ON "Download"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "NudgeCampaign_key_key" ON "NudgeCampaign"("key");

-- CreateIndex
CREATE INDEX "NudgeCampaign_status_idx" ON "NudgeCampaign"("status");

-- AddForeignKey
ALTER TABLE "Download" ADD CONSTRAINT "Download_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

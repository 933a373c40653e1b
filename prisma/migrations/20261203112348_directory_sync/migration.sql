/*
  Warnings:

  - A unique constraint covering the columns `[directoryId]` on the table `Person` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "deactivatedBy" TEXT,
ADD COLUMN     "directoryId" TEXT,
ADD COLUMN     "employeeNumber" TEXT,
ADD COLUMN     "jobTitle" TEXT;

-- CreateTable
CREATE TABLE "DirectoryGroup" (
    "id" UUID NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DirectoryGroupMember" (
    "groupId" UUID NOT NULL,
    "personId" UUID NOT NULL,

    CONSTRAINT "DirectoryGroupMember_pkey" PRIMARY KEY ("groupId","personId")
);

-- CreateTable
CREATE TABLE "DirectorySyncState" (
    "source" TEXT NOT NULL,
    "deltaLink" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectorySyncState_pkey" PRIMARY KEY ("source")
);

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryGroup_externalId_key" ON "DirectoryGroup"("externalId");

-- CreateIndex
CREATE INDEX "DirectoryGroupMember_personId_idx" ON "DirectoryGroupMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Person_directoryId_key" ON "Person"("directoryId");

-- AddForeignKey
ALTER TABLE "DirectoryGroupMember" ADD CONSTRAINT "DirectoryGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DirectoryGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DirectoryGroupMember" ADD CONSTRAINT "DirectoryGroupMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "SeatRequestStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REFUSED');

-- CreateTable
CREATE TABLE "SeatRequest" (
    "id" UUID NOT NULL,
    "workshopId" UUID NOT NULL,
    "teamLeaderId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "status" "SeatRequestStatus" NOT NULL DEFAULT 'PENDING',
    "personId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "SeatRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SeatRequest_teamLeaderId_idx" ON "SeatRequest"("teamLeaderId");

-- CreateIndex
CREATE INDEX "SeatRequest_expiresAt_idx" ON "SeatRequest"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "SeatRequest_workshopId_teamLeaderId_nameKey_key" ON "SeatRequest"("workshopId", "teamLeaderId", "nameKey");

-- AddForeignKey
ALTER TABLE "SeatRequest" ADD CONSTRAINT "SeatRequest_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeatRequest" ADD CONSTRAINT "SeatRequest_teamLeaderId_fkey" FOREIGN KEY ("teamLeaderId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeatRequest" ADD CONSTRAINT "SeatRequest_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

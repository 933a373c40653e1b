-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "toolboxWeekday" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Signup" ADD COLUMN     "signedUpById" UUID;

-- AddForeignKey
ALTER TABLE "Signup" ADD CONSTRAINT "Signup_signedUpById_fkey" FOREIGN KEY ("signedUpById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

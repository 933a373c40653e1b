-- AlterEnum
ALTER TYPE "PromptDeliveryStatus" ADD VALUE 'EXPIRED';

-- AlterEnum
ALTER TYPE "PromptKind" ADD VALUE 'SCALE';

-- AlterTable
ALTER TABLE "PromptDelivery" ADD COLUMN     "pendingAnswer" TEXT;

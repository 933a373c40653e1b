-- AlterTable
ALTER TABLE "Person" ALTER COLUMN "toolboxWeekday" DROP NOT NULL,
ALTER COLUMN "toolboxWeekday" DROP DEFAULT;

-- Nobody has chosen a day yet (the column came with the same release): every 1 was the default, now "not chosen".
UPDATE "Person" SET "toolboxWeekday" = NULL WHERE "toolboxWeekday" = 1;

import { sameValues, type ImportCounts } from '../../core/import/import-report.js';
import type { HrProgramme, LibraryProgramme, PromptFields, PromptLibraryRepository } from '../../core/reflection/prompt-library-repository.js';
import type { Prisma } from '../database.js';

export class PrismaPromptLibraryRepository implements PromptLibraryRepository {
  constructor(private readonly db: Prisma) {}

  async libraryKeys(keys: string[]): Promise<string[]> {
    const library = await this.db.prompt.findMany({ where: { key: { in: keys }, source: { not: 'hr' } }, select: { key: true } });
    return library.map((p) => p.key);
  }

  async importPrompts(rows: (PromptFields & { active: boolean })[]): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(
      async (tx) => {
        for (const { key, ...wanted } of rows) {
          const existing = await tx.prompt.findUnique({ where: { key } });
          if (!existing) {
            await tx.prompt.create({ data: { key, source: 'hr', ...wanted } });
            report.created++;
          } else if (sameValues(existing, wanted)) report.unchanged++;
          else {
            await tx.prompt.update({ where: { id: existing.id }, data: wanted });
            report.updated++;
          }
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return report;
  }

  async promptIds(keys: string[]): Promise<Map<string, string>> {
    const rows = await this.db.prompt.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
    return new Map(rows.map((p) => [p.key, p.id]));
  }

  async importProgrammes(programmes: HrProgramme[]): Promise<ImportCounts> {
    const report: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.$transaction(
      async (tx) => {
        for (const { key, steps, ...wanted } of programmes) {
          const existing = await tx.programme.findUnique({ where: { key }, include: { steps: true } });
          const programme = existing ?? (await tx.programme.create({ data: { key, ...wanted } }));
          let changed = !!existing && !sameValues(existing, wanted);
          if (existing && changed) await tx.programme.update({ where: { id: existing.id }, data: wanted });
          for (const { position, ...data } of steps) {
            const old = existing?.steps.find((x) => x.position === position);
            if (old && sameValues(old, data)) continue;
            changed = true;
            await tx.programmeStep.upsert({
              where: { programmeId_position: { programmeId: programme.id, position } },
              create: { programmeId: programme.id, position, ...data },
              update: data,
            });
          }
          const removed = await tx.programmeStep.deleteMany({ where: { programmeId: programme.id, position: { gt: steps.length } } });
          if (removed.count) changed = true;
          if (!existing) report.created++;
          else if (changed) report.updated++;
          else report.unchanged++;
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    return report;
  }

  async loadLibrary(prompts: PromptFields[], programmes: LibraryProgramme[]): Promise<void> {
    await this.db.$transaction(
      async (tx) => {
        for (const { key, ...data } of prompts) {
          const existing = await tx.prompt.findUnique({ where: { key }, select: { source: true } });
          if (!existing) await tx.prompt.create({ data: { key, ...data } });
          else if (existing.source === 'library') await tx.prompt.update({ where: { key }, data });
        }
        const ids = new Map((await tx.prompt.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]));
        for (const { key, steps, ...fields } of programmes) {
          const programme = await tx.programme.upsert({ where: { key }, create: { key, ...fields }, update: fields });
          for (const [i, { promptKey, ...step }] of steps.entries()) {
            const data = { ...step, promptId: ids.get(promptKey) ?? null };
            await tx.programmeStep.upsert({
              where: { programmeId_position: { programmeId: programme.id, position: i + 1 } },
              create: { programmeId: programme.id, position: i + 1, ...data },
              update: data,
            });
          }
        }
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
}

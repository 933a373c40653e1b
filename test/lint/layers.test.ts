import { ESLint } from 'eslint';
import { cruise } from 'dependency-cruiser';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lint = async (file: string, code: string) => {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId);
};

describe('the database has one home (eslint)', () => {
  it.each([
    ['src/delivery/example.ts', "import { PrismaClient } from '../generated/prisma/client.js';"],
    ['src/schedule/example.ts', "import type { Prisma } from '../db/database.js';"],
    ['src/channels/slack/example.ts', "import { PrismaPg } from '@prisma/adapter-pg';"],
    ['src/server/example.ts', "import { openRepositories } from '../db/index.js';"],
    ['src/runtime/example.ts', "import { openDatabase } from '../db/database.js';"],
  ])('forbids in %s: %s', async (file, code) => {
    expect(await lint(file, `${code}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('allows Prisma in src/db and the db entry in the composition roots', async () => {
    expect(await lint('src/db/example.ts', "import { PrismaPg } from '@prisma/adapter-pg';\nexport const x = PrismaPg;\n")).not.toContain('no-restricted-imports');
    expect(await lint('src/runtime/example.ts', "import { openDatabase } from '../db/index.js';\nexport const x = openDatabase;\n")).not.toContain(
      'no-restricted-imports',
    );
  });
});

describe('the layers (dependency-cruiser, the rules npm test runs)', () => {
  it('the real tree has no loop and no import against a layer', async () => {
    const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');
    const result = await cruise(['src'], { ruleSet: rules, validate: true, doNotFollow: { path: ['node_modules', '^src/generated/'] }, tsPreCompilationDeps: true });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    expect(output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('bites on a Prisma import outside src/db, an import loop and an entry point importing another', async () => {
    const rules = createRequire(import.meta.url)('../../.dependency-cruiser.cjs');
    const result = await cruise(['src'], { ruleSet: rules, validate: true, baseDir: path.resolve('test/lint/fixture') });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string }[] } };
    const found = output.summary.violations.map((v) => `${v.rule.name} ${v.from}`);
    expect(found, JSON.stringify(found)).toContain('database-in-src-db src/delivery/leak.js');
    expect(found).toContain('no-circular src/core/workshops/a.js');
    expect(found).toContain('entry-points-apart src/server/route.js');
  });
});

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const lint = async (file: string, code: string) => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.map((m) => m.ruleId);
};

describe('the dependency rule (eslint)', () => {
  it.each([
    ["import { App } from '@slack/bolt';"],
    ["import { CloudAdapter } from 'botbuilder';"],
    ["import { PrismaClient } from '../generated/prisma/client.js';"],
    ["import cron from 'node-cron';"],
    ["import http from 'node:http';"],
    ["import { Application } from '@microsoft/teams-ai';"],
    ["import { PrismaPeopleRepository } from '../db/repos/people.js';"],
  ])('forbids in src/core: %s', async (code) => {
    expect(await lint('src/core/workshops/example.ts', `${code}\nexport const x = 1;\n`)).toContain('no-restricted-imports');
  });

  it('allows the same import outside the core', async () => {
    expect(await lint('src/channels/slack/example.ts', "import { App } from '@slack/bolt';\nexport const x = App;\n")).not.toContain('no-restricted-imports');
  });

  it('keeps each chat SDK inside its own adapter folder', async () => {
    expect(await lint('src/delivery/example.ts', "import { CloudAdapter } from 'botbuilder';\nexport const x = CloudAdapter;\n")).toContain('no-restricted-imports');
    expect(await lint('src/channels/slack/example.ts', "import { CloudAdapter } from 'botbuilder';\nexport const x = CloudAdapter;\n")).toContain('no-restricted-imports');
    expect(await lint('src/channels/teams/example.ts', "import { App } from '@slack/bolt';\nexport const x = App;\n")).toContain('no-restricted-imports');
    expect(await lint('src/channels/teams/example.ts', "import { CloudAdapter } from 'botbuilder';\nexport const x = CloudAdapter;\n")).not.toContain('no-restricted-imports');
  });

  it('allows process.env only in src/config.ts', async () => {
    expect(await lint('src/server/example.ts', 'export const p = process.env.PORT;\n')).toContain('no-restricted-properties');
    expect(await lint('src/config.ts', 'export const p = process.env.PORT;\n')).not.toContain('no-restricted-properties');
  });
});

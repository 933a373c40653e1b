import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../../src');
const TEAMS = path.join(SRC, 'channels/teams');
const TEAMS_SDK = /from\s+['"](botbuilder[^'"]*|botframework-[^'"]*|@microsoft\/teams[^'"]*|@microsoft\/agents[^'"]*|adaptivecards[^'"]*)['"]|import\(\s*['"](botbuilder|botframework-|@microsoft\/teams|@microsoft\/agents)/;

async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'generated') out.push(...(await tsFiles(full)));
    else if (entry.isFile() && entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

describe('the Teams SDK boundary', () => {
  it('keeps every Teams SDK import inside src/channels/teams (a move to Teams SDK v2 / Agents SDK is one folder)', async () => {
    const outside: string[] = [];
    for (const file of await tsFiles(SRC)) {
      if (file.startsWith(TEAMS + path.sep)) continue;
      if (TEAMS_SDK.test(await readFile(file, 'utf8'))) outside.push(path.relative(SRC, file));
    }
    expect(outside).toEqual([]);
  });

  it('does find the imports it looks for (the scan is not blind)', async () => {
    const inside = [];
    for (const file of await tsFiles(TEAMS)) if (TEAMS_SDK.test(await readFile(file, 'utf8'))) inside.push(file);
    expect(inside.length).toBeGreaterThan(5);
  });
});

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICON_DIR, renderIcons } from '../../../scripts/teams-icons.js';

const run = promisify(execFile);
const APP_ID = '6f1c1e9a-2b7d-4c1e-9a55-3c2f0d9e8b71';

/** Reads a ZIP's files (central directory, deflate or stored): enough to check what the package holds. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extra;
  }
  return files;
}

const validate = async (json: unknown) => AppManifestUtils.validateAgainstSchema(json as AppManifest);

/**
 * The localization schema's own patterns do not compile under Ajv's unicode mode (the library throws), so its
 * rules are applied here: required keys, known keys or key patterns, string lengths.
 */
async function localizationProblems(file: Record<string, string>): Promise<string[]> {
  const schema = (await AppManifestUtils.fetchSchema(file.$schema!)) as unknown as {
    required: string[];
    properties: Record<string, { maxLength?: number }>;
    patternProperties: Record<string, { maxLength?: number }>;
  };
  const problems = schema.required.filter((k) => !(k in file)).map((k) => `missing ${k}`);
  for (const [key, value] of Object.entries(file)) {
    const rule = schema.properties[key] ?? Object.entries(schema.patternProperties).find(([re]) => new RegExp(re).test(key))?.[1];
    if (!rule) problems.push(`unknown key ${key}`);
    else if (rule.maxLength && value.length > rule.maxLength) problems.push(`${key} longer than ${rule.maxLength}`);
  }
  return problems;
}

describe('Teams app manifest and package', () => {
  let manifest: Record<string, unknown> & { bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[] };

  beforeAll(async () => {
    manifest = JSON.parse(await readFile(path.join(ICON_DIR, 'manifest.json'), 'utf8'));
  });

  it('is valid against its (current, bundled) schema, offline', async () => {
    expect(manifest.$schema).toMatch(/\/teams\/v1\.(2\d|3\d)\/MicrosoftTeams\.schema\.json$/);
    expect(await validate(manifest)).toEqual([]);
  });

  it('has a personal-scope bot with the chat commands, in Dutch with English translations', async () => {
    const [bot] = manifest.bots;
    expect(bot!.scopes).toEqual(['personal']);
    expect(bot!.commandLists[0]!.commands.map((c) => c.title)).toEqual(['help', 'workshops', 'mijn', 'klussen']);
    const en = JSON.parse(await readFile(path.join(ICON_DIR, 'en.json'), 'utf8')) as Record<string, string>;
    expect(await localizationProblems(en)).toEqual([]);
    expect(en['bots[0].commandLists[0].commands[2].title']).toBe('my');
    expect(await localizationProblems({ ...en, 'bots[0].commandLists[0].commands[12].title': 'x' })).not.toEqual([]);
  });

  it('catches a broken manifest (the validation is real)', async () => {
    expect(await validate({ ...manifest, accentColor: 'green', bots: [{ ...manifest.bots[0], scopes: ['galaxy'] }] })).not.toEqual([]);
  });

  describe('icons', () => {
    const read = async (name: string) => PNG.sync.read(await readFile(path.join(ICON_DIR, name)));

    it('colour icon: 192×192, opaque', async () => {
      const png = await read('color.png');
      expect([png.width, png.height]).toEqual([192, 192]);
      for (let i = 3; i < png.data.length; i += 4) expect(png.data[i]).toBe(255);
    });

    it('outline icon: 32×32, only white on transparency, with both present', async () => {
      const png = await read('outline.png');
      expect([png.width, png.height]).toEqual([32, 32]);
      let transparent = 0;
      let opaque = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const alpha = png.data[i + 3]!;
        if (alpha > 0) expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([255, 255, 255]);
        if (alpha === 0) transparent++;
        if (alpha === 255) opaque++;
      }
      expect(transparent).toBeGreaterThan(100);
      expect(opaque).toBeGreaterThan(50);
    });

    it('are what scripts/teams-icons.ts draws', async () => {
      const drawn = renderIcons();
      expect((await readFile(path.join(ICON_DIR, 'color.png'))).equals(drawn.color)).toBe(true);
      expect((await readFile(path.join(ICON_DIR, 'outline.png'))).equals(drawn.outline)).toBe(true);
    });
  });

  describe('npm run package:teams', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'vw-teams-'));
    });
    afterAll(async () => rm(dir, { recursive: true, force: true }));

    const script = (env: Record<string, string>, out: string) =>
      run(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--out', out], {
        cwd: path.resolve(ICON_DIR, '../..'),
        env: { PATH: process.env.PATH ?? '', ...env },
      });

    it('zips the manifest with the app id from MICROSOFT_APP_ID, the icons and the translations', async () => {
      const out = path.join(dir, 'app.zip');
      await script({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'x' }, out);
      const files = unzip(await readFile(out));
      expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
      const packaged = JSON.parse(files.get('manifest.json')!.toString('utf8')) as typeof manifest;
      expect(packaged.id).toBe(APP_ID);
      expect(packaged.bots[0]!.botId).toBe(APP_ID);
      expect(await validate(packaged)).toEqual([]);
      expect(files.get('outline.png')!.equals(await readFile(path.join(ICON_DIR, 'outline.png')))).toBe(true);
    });

    it('refuses to build without an app id, saying which setting is missing', async () => {
      const failed = await script({}, path.join(dir, 'none.zip')).catch((e: { code: number; stderr: string }) => e);
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stderr: string }).stderr).toContain('MICROSOFT_APP_ID');
    });
  });
});

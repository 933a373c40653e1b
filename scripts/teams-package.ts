/**
 * npm run package:teams [-- --out <file.zip>]
 * Builds the Teams app package: manifests/teams/manifest.json with the bot's app id (MICROSOFT_APP_ID, read
 * through src/config.ts like every setting) and the version from package.json, plus the icons and the English
 * strings. Default output: dist/teams/vliegwiel-teams.zip.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from '../src/config.js';
import { zip } from './teams-zip.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = path.join(ROOT, 'manifests/teams');
/** The app id in the committed manifest: a valid GUID so the template itself passes schema validation. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function buildTeamsPackage(appId: string): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  if (!GUID.test(appId)) throw new Error(`MICROSOFT_APP_ID must be the bot's Microsoft app id (a GUID), not "${appId}"`);
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(await readFile(path.join(SOURCE, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    bots: { botId: string }[];
  };
  manifest.id = appId;
  manifest.version = pkg.version;
  for (const bot of manifest.bots) if (bot.botId === PLACEHOLDER_ID) bot.botId = appId;
  const files = ['color.png', 'outline.png', 'en.json'];
  const entries = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    ...(await Promise.all(files.map(async (name) => ({ name, data: await readFile(path.join(SOURCE, name)) })))),
  ];
  return { zip: zip(entries), manifest };
}

async function main() {
  const i = process.argv.indexOf('--out');
  const out = path.resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : path.join(ROOT, 'dist/teams/vliegwiel-teams.zip'));
  let appId: string | undefined;
  try {
    appId = loadConfig().teams.appId;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nThe package is built from the bot's own settings; fix them and run again.\n`);
      process.exit(1);
    }
    throw err;
  }
  if (!appId) {
    process.stderr.write('MICROSOFT_APP_ID is not set: the Teams package needs the bot\'s Microsoft app id (Azure Bot > Configuration).\n');
    process.exit(1);
  }
  const built = await buildTeamsPackage(appId);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, built.zip);
  process.stdout.write(`${out}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}

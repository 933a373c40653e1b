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

/** The host in the committed manifest's tab and SSO resource; PUBLIC_URL's host replaces it in the package. */
export const PLACEHOLDER_HOST = 'vliegwiel.example.org';

export async function buildTeamsPackage(appId: string, publicUrl?: string): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  if (!GUID.test(appId)) throw new Error(`MICROSOFT_APP_ID must be the bot's Microsoft app id (a GUID), not "${appId}"`);
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  // The console tab (staticTabs) and its SSO resource live under PUBLIC_URL: its origin and path replace the placeholder.
  let text = await readFile(path.join(SOURCE, 'manifest.json'), 'utf8');
  if (publicUrl) {
    const u = new URL(publicUrl);
    const base = `${u.host}${u.pathname.replace(/\/$/, '')}`;
    text = text.replaceAll(`https://${PLACEHOLDER_HOST}`, `https://${base}`).replaceAll(`api://${PLACEHOLDER_HOST}`, `api://${u.host}`).replaceAll(`"${PLACEHOLDER_HOST}"`, `"${u.host}"`);
  }
  const manifest = JSON.parse(text) as Record<string, unknown> & {
    bots: { botId: string }[];
    webApplicationInfo?: { id: string; resource: string };
  };
  manifest.id = appId;
  manifest.version = pkg.version;
  for (const bot of manifest.bots) if (bot.botId === PLACEHOLDER_ID) bot.botId = appId;
  if (manifest.webApplicationInfo) {
    manifest.webApplicationInfo.id = appId;
    manifest.webApplicationInfo.resource = manifest.webApplicationInfo.resource.replace(PLACEHOLDER_ID, appId);
  }
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
  let publicUrl: string | undefined;
  try {
    const config = loadConfig();
    appId = config.teams.appId;
    publicUrl = config.publicUrl;
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
  if (!publicUrl || !publicUrl.startsWith('https://')) {
    process.stderr.write(`PUBLIC_URL is ${publicUrl ? 'not https' : 'not set'}: the Beheer tab and its sign-in point at ${PLACEHOLDER_HOST}. Set PUBLIC_URL (https) for a package that opens the console.\n`);
  }
  const built = await buildTeamsPackage(appId, publicUrl?.startsWith('https://') ? publicUrl : undefined);
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

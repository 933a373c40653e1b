import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// assets/console at the project root: the same place from src/server/console (tsx) and dist/server/console.
const ASSETS = path.resolve(import.meta.dirname, '..', '..', '..', 'assets', 'console');

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8', svg: 'image/svg+xml' };

/** The console's static files, read once: only these names are served (no path ever comes from the URL). */
export function staticFiles(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of ['console.css', 'console.js', 'tab.js', 'comms.css', 'comms.js']) {
    files.set(name, { type: TYPES[name.split('.').pop()!]!, body: readFileSync(path.join(ASSETS, name)) });
  }
  // Microsoft's Teams JavaScript SDK, served from our own origin (the CSP allows no other script source).
  const teamsJs = createRequire(import.meta.url).resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');
  files.set('teams-js.min.js', { type: TYPES.js!, body: readFileSync(teamsJs) });
  return files;
}

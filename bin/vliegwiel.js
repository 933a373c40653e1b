#!/usr/bin/env node
// The installed `vliegwiel` command: the compiled admin CLI (npm run build, or npm start, compiles it).
// Started by an older Node than the project's (a machine with Node 20), it hands over to the project's own Node 24
// (the `node` dev dependency in node_modules), as `npm run cli` would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const own = fileURLToPath(new URL('../node_modules/.bin/node', import.meta.url));
if (Number(process.versions.node.split('.')[0]) < 24 && existsSync(own)) {
  const run = spawnSync(own, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
} else {
  await import('../dist/cli/main.js');
}

// Compiles (prisma generate + tsc) only when a source is newer than the last build, so `npm start` stays quick.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'dist', '.tsbuildinfo');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'generated') t = Math.max(t, newest(p));
    } else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const sources = Math.max(
  newest(path.join(root, 'src')),
  statSync(path.join(root, 'prisma', 'schema.prisma')).mtimeMs,
  statSync(path.join(root, 'package.json')).mtimeMs,
);
const generated = existsSync(path.join(root, 'src', 'generated', 'prisma', 'client.ts'));
if (built < sources || !generated) {
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  process.stderr.write('building…\n');
  execFileSync(bin('prisma'), ['generate'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

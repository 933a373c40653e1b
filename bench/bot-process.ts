import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

interface PackageConfig {
  config: { nodeFlags: string; mallocEnv: string };
}

/** The node flags and malloc settings `npm start` runs the bot with (package.json `config`). */
function startSettings() {
  const { config } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageConfig;
  const flags = config.nodeFlags.split(/\s+/).filter(Boolean);
  const env = Object.fromEntries(config.mallocEnv.split(/\s+/).filter(Boolean).map((kv) => kv.split('=', 2) as [string, string]));
  return { flags, env };
}

/** What `npm start` does first: compile when a source is newer than dist/. */
export function buildIfNeeded() {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-if-needed.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the ready line. */
  startMs: number;
  stderr(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts dist/main.js exactly as `npm start` execs it, and waits for `ready http://127.0.0.1:<port>`. */
export async function startBot(env: Record<string, string>, timeoutMs = 120_000): Promise<BotProcess> {
  const { flags, env: malloc } = startSettings();
  const started = performance.now();
  // ENGINE_NODE_ARGS adds flags, as in the broadcast benchmark: `--cpu-prof --cpu-prof-dir=/tmp/prof` for a profile.
  const extra = (process.env.ENGINE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...extra, path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...malloc, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (;;) {
    const m = /^ready (http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
    if (m) {
      const startMs = performance.now() - started;
      return {
        child,
        url: m[1]!,
        startMs,
        stderr: () => err,
        async stop() {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}) before it was ready:\n${err.slice(-3000)}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`no ready line after ${timeoutMs} ms:\n${err.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs the admin CLI from dist/ against the same database as the bot (`npm run cli -- …`). */
export function cli(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function kib(file: string, field: string): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(file, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // the process ended meanwhile
  }
}

/** Resident memory of one process, in MB. */
export const rssMb = (pid: number) => kib(`/proc/${pid}/status`, 'VmRSS') / 1024;

/** Every process below `pid` (the database server an embedded setup starts, for one). */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/**
 * Memory of processes in MB, counted as PSS: PostgreSQL's processes share their buffers, so adding up their RSS
 * would count the shared memory once per process.
 */
export const pssMb = (pids: number[]) => pids.reduce((sum, pid) => sum + kib(`/proc/${pid}/smaps_rollup`, 'Pss'), 0) / 1024;

/**
 * The database processes of an embedded setup: the bot's own children, and any server running on its data
 * directory (a server started through pg_ctl is not the bot's child).
 */
export function databaseProcesses(botPid: number, dataDir: string): number[] {
  const found = new Set(descendants(botPid));
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === botPid) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (cmd.includes(dataDir)) for (const p of [Number(name), ...descendants(Number(name))]) found.add(p);
    } catch {
      // gone
    }
  }
  return [...found];
}

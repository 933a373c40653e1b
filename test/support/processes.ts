import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Runs one of our entry points (src/*.ts through tsx) as a real process. */
export function runEntry(entry: string, args: string[], env: Record<string, string>, input?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, entry), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (input !== undefined) child.stdin.end(input);
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, output: () => ({ stdout, stderr }) };
}

/** Waits until the bot prints its ready line; returns the URL. */
export async function waitForReady(p: ReturnType<typeof runEntry>, timeoutMs = 60_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const m = /^ready (http:\/\/127\.0\.0\.1:\d+)$/m.exec(p.output().stdout);
    if (m) return m[1]!;
    if (p.child.exitCode !== null) throw new Error(`bot exited early (${p.child.exitCode}): ${p.output().stderr}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no ready line after ${timeoutMs} ms: ${p.output().stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const stopped = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

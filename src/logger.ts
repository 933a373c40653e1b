import type { Logger } from './core/ports.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

/**
 * An error as a log line may hold it. Messages quote what failed: Prisma prints the whole query with its values
 * (a name, an e-mail address, a message someone typed), drivers quote the offending value. Kept: the name, the
 * code, the message with quoted values blanked and without Prisma's rendered query, and the stack's frames.
 */
export function loggableError(e: Error): Record<string, unknown> {
  let message = e.message.trim();
  // Prisma: "Invalid `x.create()` invocation in\n<file:line>\n\n<code frame with the arguments>\n\n<what is wrong>"
  if (/^Invalid `[^`]+` invocation/.test(message)) {
    const lines = message.split('\n').filter((l) => l.trim() !== '');
    message = [lines[0], lines[1], lines.at(-1)].join(' ');
  }
  message = message.replace(/"(?:[^"\\\n]|\\.)*"/g, '"…"').slice(0, 500);
  const frames = (e.stack ?? '').split('\n').filter((l) => l.startsWith('    at ')).slice(0, 10);
  const code = (e as { code?: unknown }).code;
  return { name: e.name, ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}), message, stack: frames.join('\n') };
}

/**
 * Structured JSON lines on stderr (stdout carries only the `ready` line and command output).
 * Fields hold ids, never names, e-mail addresses or message text.
 */
export function createLogger(
  level: LogLevel = 'info',
  base: Record<string, unknown> = {},
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const threshold = LEVELS[level];
  const log = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[lvl] < threshold) return;
    const entry = { time: new Date().toISOString(), level: lvl, msg, ...base, ...fields };
    write(
      `${JSON.stringify(entry, (_k, v: unknown) =>
        v instanceof Error ? loggableError(v) : typeof v === 'bigint' ? v.toString() : v,
      )}\n`,
    );
  };
  return {
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../core/ports.js';

/** The first text of an SDK log call and the message of an error in it; nothing else (no activity bodies). */
function summary(parts: unknown[]): { msg: string; fields: Record<string, unknown> } {
  const text = parts.filter((p): p is string => typeof p === 'string').join(' ').slice(0, 300);
  const err = parts.find((p): p is Error => p instanceof Error);
  return { msg: `teams sdk: ${text || err?.message || 'event'}`, fields: err ? { reason: err.message } : {} };
}

/**
 * The Teams SDK's logger interface onto ours. Its debug and trace lines print whole activities (names, texts):
 * those are dropped; its info lines become debug, so a production log shows the SDK only when it warns.
 */
export function sdkLogger(logger: Logger): ILogger {
  const write = (level: LogLevel, parts: unknown[]) => {
    if (level === 'debug' || level === 'trace') return;
    const { msg, fields } = summary(parts);
    if (level === 'error') logger.error(msg, fields);
    else if (level === 'warn') logger.warn(msg, fields);
    else logger.debug(msg, fields);
  };
  const self: ILogger = {
    debug: () => {},
    trace: () => {},
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    log: (level, ...msg) => write(level, msg),
    child: () => self,
  };
  return self;
}

import { setTimeout as sleep } from 'node:timers/promises';
import { DirectoryUnavailableError } from '../core/directory/directory-source.js';

export interface RetryOptions {
  /** How often a 429 or 5xx is tried again before the run gives up (and changes nothing). */
  attempts?: number;
  /** Longest wait we accept from a Retry-After header, in ms; a longer one ends the run (it can run again later). */
  maxWaitMs?: number;
  /** Wait when a 429/5xx says nothing, in ms (doubles each attempt). */
  baseDelayMs?: number;
  /** Aborts the request and any wait (the bot is stopping): the run ends with nothing changed. */
  signal?: AbortSignal | undefined;
}

/** Retry-After in seconds, or an HTTP date. */
function retryAfterMs(res: Response): number | null {
  const h = res.headers.get('retry-after');
  if (!h) return null;
  const s = Number(h);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(h);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : null;
}

/**
 * fetch with the waits a throttled API asks for: 429 and 503 honour Retry-After (Graph and Slack both send it),
 * other 5xx and network errors back off. Gives up with DirectoryUnavailableError after `attempts`.
 */
export async function fetchPatiently(url: string, init: RequestInit, what: string, opts: RetryOptions = {}): Promise<Response> {
  const attempts = opts.attempts ?? 6;
  const maxWait = opts.maxWaitMs ?? 120_000;
  const base = opts.baseDelayMs ?? 500;
  const stop = opts.signal;
  // A wait or request cut short by a stop ends the run at once, as a directory that is not there would.
  const stopped = () => new DirectoryUnavailableError(`${what}: stopped (the bot is shutting down)`);
  const pause = async (ms: number) => {
    try {
      await sleep(ms, undefined, stop ? { signal: stop } : {});
    } catch {
      throw stopped();
    }
  };
  let last = '';
  for (let i = 0; i < attempts; i++) {
    if (stop?.aborted) throw stopped();
    let res: Response;
    try {
      const timeout = AbortSignal.timeout(60_000);
      res = await fetch(url, { ...init, signal: stop ? AbortSignal.any([timeout, stop]) : timeout });
    } catch (e) {
      if (stop?.aborted) throw stopped();
      last = (e as Error).message;
      await pause(base * 2 ** i);
      continue;
    }
    if (res.status !== 429 && res.status < 500) return res;
    last = `HTTP ${res.status}`;
    await res.body?.cancel();
    const wait = retryAfterMs(res) ?? base * 2 ** i;
    if (wait > maxWait) throw new DirectoryUnavailableError(`${what}: asked to wait ${Math.round(wait / 1000)} s; try again later`);
    await pause(wait);
  }
  throw new DirectoryUnavailableError(`${what}: no answer after ${attempts} attempts (${last})`);
}

export async function jsonOrFail<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) {
    const body = (await res.text().catch(() => '')).slice(0, 300);
    throw new DirectoryUnavailableError(`${what}: HTTP ${res.status} ${body}`);
  }
  return (await res.json()) as T;
}

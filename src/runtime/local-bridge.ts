import { readLock } from './instance-lock.js';

/** Talks to the bot that holds the embedded database (see server/admin-routes.ts). */
export class LocalBridge {
  constructor(
    private readonly port: number,
    private readonly token: string,
  ) {}

  /** The running bot for this data directory, if there is one. */
  static async find(dataDir: string): Promise<LocalBridge | null> {
    const lock = await readLock(dataDir);
    return lock?.kind === 'bot' && lock.port && lock.token ? new LocalBridge(lock.port, lock.token) : null;
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`the running bot answered ${res.status} on ${path}`);
    return (await res.json()) as T;
  }
}

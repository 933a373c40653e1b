import pg from 'pg';

/**
 * Errors of *getting* a connection: nothing has been sent to the database yet, so trying again is always safe.
 * A restarting PostgreSQL refuses connections (ECONNREFUSED), then says it is starting up (57P03); a failover
 * resets them. Wrong credentials (28P01) or a missing database (3D000) will not get better: no retry.
 */
const TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', '57P01', '57P02', '57P03', '08001', '08006']);

export const isTransientConnectError = (e: unknown): boolean => {
  const err = e as { code?: unknown; message?: unknown } | null;
  if (typeof err?.code === 'string') return TRANSIENT.has(err.code);
  return /Connection terminated|timeout exceeded when trying to connect/i.test(String(err?.message ?? ''));
};

/** Waits between tries: 100, 200, 400, 800, 1600 ms; about three seconds in all, the length of a restart. */
export const CONNECT_BACKOFF_MS = [100, 200, 400, 800, 1600];

/**
 * The server ended the session (pg_terminate_backend, a restart, a failover): the statement was aborted with its
 * transaction, so a statement on its own may run again on a new connection. Without this, the first query after
 * a restart fails on every idle connection the pool still held, before the pool has heard they are gone.
 */
const SESSION_ENDED = new Set(['57P01', '57P02', '57P03']);

type Callback = (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * node-postgres' pool drops a client whose connection broke (a restarted or failed-over database) and opens a new
 * one for the next query. This pool also keeps trying to *get* a connection for a few seconds when the database
 * is briefly unreachable, so a click during a restart waits instead of failing. Queries that were already sent
 * are never repeated here: whether they took effect is unknown, so their use case reports the failure.
 */
export class PatientPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly backoffMs: readonly number[] = CONNECT_BACKOFF_MS,
  ) {
    super(config);
    // pg-pool takes its own error listener off a client when it hands it out, and the borrower adds one a
    // microtask later. A session the server ends in that gap (a FATAL "terminating connection" parsed from the
    // same network read as the previous answer) is then an unhandled 'error' event: the process crashes. A
    // permanent listener closes the gap; the client is still marked broken and dropped on release.
    const guarded = new WeakSet<object>();
    this.on('acquire', (client) => {
      if (guarded.has(client)) return;
      guarded.add(client);
      client.on('error', () => undefined);
    });
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: Callback): void;
  override connect(callback?: Callback): Promise<pg.PoolClient> | void {
    const attempt = async (): Promise<pg.PoolClient> => {
      for (let i = 0; ; i++) {
        try {
          return await super.connect();
        } catch (e) {
          if (this.ending || i >= this.backoffMs.length || !isTransientConnectError(e)) throw e;
          await new Promise((r) => setTimeout(r, this.backoffMs[i]));
        }
      }
    };
    if (!callback) return attempt();
    attempt().then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | boolean | undefined)),
      (err: Error) => callback(err, undefined, () => undefined),
    );
  }

  /**
   * A statement on its own (how the Prisma adapter runs everything outside `$transaction`), run again when the
   * server ended the session under it: as often as the pool may hold connections, since every idle one may be
   * dead and each fails at once. Callback and streaming forms pass through unchanged.
   */
  override query(...args: unknown[]): never {
    const run = () => (super.query as (...a: unknown[]) => unknown).apply(this, args);
    const streaming = typeof args.at(-1) === 'function' || typeof (args[0] as { submit?: unknown } | null)?.submit === 'function';
    if (streaming) return run() as never;
    const attempt = async (): Promise<unknown> => {
      for (let i = 0; ; i++) {
        try {
          return await (run() as Promise<unknown>);
        } catch (e) {
          if (this.ending || i > (this.options.max ?? 10) || !SESSION_ENDED.has(String((e as { code?: unknown } | null)?.code))) throw e;
        }
      }
    };
    return attempt() as never;
  }
}

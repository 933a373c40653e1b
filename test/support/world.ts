import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { FixedClock, testCore } from './builders.js';
import { testDatabase, type Backend } from './db.js';

/**
 * A migrated database of the given kind and the core on it with a fixed clock, set up before the suite's tests
 * and closed after them. Read `db` and `core` inside tests (they exist once `beforeAll` ran).
 */
export function useTestWorld(backend: Backend, start = new Date('2027-03-01T09:00:00Z')) {
  const clock = new FixedClock(start);
  let db: Database | undefined;
  let core: ReturnType<typeof testCore> | undefined;
  beforeAll(async () => {
    db = await testDatabase(backend);
    core = testCore(db, clock);
  });
  afterAll(async () => db?.close());
  return {
    clock,
    get db() {
      return db!;
    },
    get core() {
      return core!;
    },
  };
}

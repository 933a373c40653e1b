import { loadPromptLibrary } from '../../src/core/reflection/prompt-library.js';
import type { Message, Reply } from '../../src/core/messages.js';
import type { Database } from '../../src/db/database.js';
import { PrismaConsoleInbox } from '../../src/db/outbox/console-inbox.js';
import { drainConsoleInbox } from '../../src/delivery/console-inbox.js';
import { aPerson, anActor, type testCore } from '../support/builders.js';
import { adminPorts } from '../../src/db/admin-store.js';

export type TestCore = ReturnType<typeof testCore>;

/** The shipped prompt library and programmes, as `seed demo` loads them. */
export const withLibrary = (db: Database) => loadPromptLibrary(adminPorts(db.prisma).promptLibrary);

/** Everything a reply shows, as one string to search. */
export const shown = (r: Reply | Message | null | undefined) => JSON.stringify(r ?? null);

/** The value of the first button with this action id, anywhere in the messages. */
export function buttonValue(r: Reply | Message, action: string): string {
  const m = new RegExp(`"action":"${action.replace('.', '\\.')}","value":"([^"]*)"`).exec(JSON.stringify(r));
  if (!m) throw new Error(`no ${action} button in ${JSON.stringify(r).slice(0, 500)}`);
  return m[1]!;
}

/** The delivery id a prompt card carries (on its skip button). */
export const deliveryOf = (r: Reply | Message) => buttonValue(r, 'reflect.skip');

export async function someone(db: Database, core: TestCore, over: Parameters<typeof aPerson>[1] = {}) {
  const p = await aPerson(db, over);
  return { person: p, actor: await anActor(db, core, p.id) };
}

/** Proactive messages waiting for the person on the console platform, composed as the console would. */
export async function inbox(db: Database, core: TestCore, personId: string) {
  const actor = await anActor(db, core, personId);
  return drainConsoleInbox(new PrismaConsoleInbox(db.prisma), (k, p, a) => core.bot.compose(k, p, a), actor, core.ctx.clock.now());
}

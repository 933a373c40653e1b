import { createCore, expiresAfter, type Core } from '../app.js';
import type { CliDeps } from '../cli/cli-deps.js';
import type { ConsoleTurnDeps } from '../console/console-turn.js';
import { PrivacyRequests } from '../core/privacy/privacy-requests.js';
import { adminPorts, openRepositories, PrismaConsoleInbox, type Database } from '../db/index.js';
import { drainConsoleInbox } from '../delivery/console-inbox.js';
import { createLogger } from '../logger.js';
import { directoryCommands, type DirectoryConnections } from './directory-deps.js';

/**
 * The admin commands' ports over the CLI's database connection (a running bot's server, or one the CLI started).
 * Privacy requests get a core of their own (silent, Dutch by default, no links), as they always had.
 */
export function cliDeps(db: Database, opts: { timezone: string; now(): Date; directory?: DirectoryConnections }): CliDeps {
  const ports = adminPorts(db.prisma);
  const clock = { now: opts.now };
  const core = createCore(openRepositories(db), { timezone: opts.timezone, defaultLocale: 'nl', adminUsers: [], publicUrl: '' }, createLogger('silent'), clock);
  const privacy = new PrivacyRequests({
    people: core.ctx.people,
    peopleAdmin: ports.people,
    privacy: core.ctx.privacy,
    workshops: core.ctx.workshops,
    service: core.privacy,
    cancelSignup: (actor, workshopId) => core.workshops.cancel(actor, { w: workshopId, q: '', o: 0 }),
    clock: core.ctx.clock,
    defaultLocale: core.ctx.settings.defaultLocale,
  });
  const directory = directoryCommands(core, db, opts.directory ?? {});
  return { ...ports, privacy, directory, migrate: () => db.migrate(), timezone: opts.timezone, now: opts.now };
}

/** A console chat turn over the console chat's own core (on the bot's database server when the bot runs). */
export function consoleDeps(core: Core, db: Database): ConsoleTurnDeps {
  return {
    bot: core.bot,
    now: () => core.ctx.clock.now(),
    knows: async (email) => (await core.ctx.people.findByEmail(email)) !== null,
    defaultLocale: core.ctx.settings.defaultLocale,
    drainInbox: (actor, now) => drainConsoleInbox(new PrismaConsoleInbox(db.prisma), (k, p, a) => core.bot.compose(k, p, a), actor, now, expiresAfter),
  };
}

import { createCore } from '../../app.js';
import type { Clock } from '../ports.js';
import { PrivacyService } from './privacy-service.js';
import type { PrivacyRequester } from './privacy-repository.js';
import { toLocale, type Actor } from '../people/person.js';
import type { Database } from '../../db/database.js';
import { createLogger } from '../../logger.js';
import { findPersonId, UnknownPersonError } from '../people/roles.js';

/** HR acts through the CLI on the person's request; the audit log says so (and never who the person is by name). */
const HR_VIA_CLI: PrivacyRequester = { actor: 'cli', actorId: null, via: 'cli' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The same use cases as `mijn gegevens` in chat, for HR handling a request by e-mail or letter (a person who
 * cannot use the chat, or who has left). A core of its own over the given database: the CLI may run without
 * the bot, and through the bot's bridge it shares the bot's database anyway.
 */
export class PrivacyRequests {
  private readonly core;
  private readonly privacy;

  constructor(
    private readonly db: Database,
    settings: { timezone: string; defaultLocale?: 'nl' | 'en' },
    clock: Clock,
  ) {
    this.core = createCore(
      db,
      { timezone: settings.timezone, defaultLocale: settings.defaultLocale ?? 'nl', adminUsers: [], publicUrl: '' },
      createLogger('silent'),
      clock,
    );
    this.privacy = new PrivacyService(this.core.ctx);
  }

  /** A person by e-mail, `slack:<id>` / `teams:<id>`, or the pseudonymous id the audit log shows. */
  async actor(who: string): Promise<Actor> {
    const id = UUID.test(who.trim()) ? who.trim().toLowerCase() : await findPersonId(this.db.prisma, who);
    const person = await this.core.ctx.people.findById(id);
    if (!person) throw new UnknownPersonError(`No person ${who} (use an e-mail address, slack:<userId> / teams:<aadObjectId> or the id)`);
    return { person, platform: 'CONSOLE', locale: toLocale(person.locale, this.core.ctx.settings.defaultLocale) };
  }

  /** Everything stored about the person, in their language; audited as privacy.export by the CLI. */
  async export(who: string, format: 'json' | 'md'): Promise<{ personId: string; text: string; filename: string }> {
    const a = await this.actor(who);
    const files = await this.privacy.files(a.person.id, a.locale, HR_VIA_CLI);
    const text = format === 'json' ? `${files.json}\n` : files.markdown;
    return { personId: a.person.id, text, filename: `vliegwiel-gegevens-${files.day}.${format}` };
  }

  /** What erasure would remove or anonymise: shown before HR confirms with --yes. */
  async preview(who: string) {
    const a = await this.actor(who);
    const now = this.core.ctx.clock.now();
    const counts = await this.core.ctx.privacy.counts(a.person.id);
    const upcoming = (await this.core.ctx.workshops.mySignups(a.person.id, now)).filter((s) => s.workshop.startsAt > now).length;
    return { personId: a.person.id, ...counts, upcoming };
  }

  /**
   * Erasure exactly as in chat: seats still to come are given back first (the waitlist moves up and is told),
   * then reflections, goals and dossier files are deleted and history is anonymised, in one transaction.
   */
  async erase(who: string): Promise<string> {
    const a = await this.actor(who);
    await this.privacy.erase(a, (workshopId) => this.core.bot.workshops.cancel(a, { w: workshopId, q: '', o: 0 }), HR_VIA_CLI);
    return a.person.id;
  }
}

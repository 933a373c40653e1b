import type { Clock } from '../ports.js';
import type { PeopleAdminRepository } from '../people/people-admin-repository.js';
import type { PeopleRepository } from '../people/people-repository.js';
import { toLocale, type Actor } from '../people/person.js';
import { findPersonId, UnknownPersonError } from '../people/roles.js';
import type { WorkshopsRepository } from '../workshops/workshops-repository.js';
import type { PrivacyRepository, PrivacyRequester } from './privacy-repository.js';
import type { PrivacyService } from './privacy-service.js';

/** HR acts through the CLI on the person's request; the audit log says so (and never who the person is by name). */
const HR_VIA_CLI: PrivacyRequester = { actor: 'cli', actorId: null, via: 'cli' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a privacy request needs; the composition root wires them, so the CLI works with or without the bot. */
export interface PrivacyRequestPorts {
  people: Pick<PeopleRepository, 'findById'>;
  peopleAdmin: PeopleAdminRepository;
  privacy: Pick<PrivacyRepository, 'counts'>;
  workshops: Pick<WorkshopsRepository, 'mySignups'>;
  service: Pick<PrivacyService, 'files' | 'erase'>;
  /** Gives a seat back as the person's own cancellation would (the waitlist moves up and is told). */
  cancelSignup(actor: Actor, workshopId: string): Promise<unknown>;
  clock: Clock;
  defaultLocale: 'nl' | 'en';
}

/**
 * The same use cases as `mijn gegevens` in chat, for HR handling a request by e-mail or letter (a person who
 * cannot use the chat, or who has left).
 */
export class PrivacyRequests {
  constructor(private readonly ports: PrivacyRequestPorts) {}

  /** A person by e-mail, `slack:<id>` / `teams:<id>`, or the pseudonymous id the audit log shows. */
  async actor(who: string): Promise<Actor> {
    const id = UUID.test(who.trim()) ? who.trim().toLowerCase() : await findPersonId(this.ports.peopleAdmin, who);
    const person = await this.ports.people.findById(id);
    if (!person) throw new UnknownPersonError(`No person ${who} (use an e-mail address, slack:<userId> / teams:<aadObjectId> or the id)`);
    return { person, platform: 'CONSOLE', locale: toLocale(person.locale, this.ports.defaultLocale) };
  }

  /** Everything stored about the person, in their language; audited as privacy.export by the CLI. */
  async export(who: string, format: 'json' | 'md'): Promise<{ personId: string; text: string; filename: string }> {
    const a = await this.actor(who);
    const files = await this.ports.service.files(a.person.id, a.locale, HR_VIA_CLI);
    const text = format === 'json' ? `${files.json}\n` : files.markdown;
    return { personId: a.person.id, text, filename: `vliegwiel-gegevens-${files.day}.${format}` };
  }

  /** What erasure would remove or anonymise: shown before HR confirms with --yes. */
  async preview(who: string) {
    const a = await this.actor(who);
    const now = this.ports.clock.now();
    const counts = await this.ports.privacy.counts(a.person.id);
    const upcoming = (await this.ports.workshops.mySignups(a.person.id, now)).filter((s) => s.workshop.startsAt > now).length;
    return { personId: a.person.id, ...counts, upcoming };
  }

  /**
   * Erasure exactly as in chat: seats still to come are given back first (the waitlist moves up and is told),
   * then reflections, goals and dossier files are deleted and history is anonymised, in one transaction.
   */
  async erase(who: string): Promise<string> {
    const a = await this.actor(who);
    await this.ports.service.erase(a, (workshopId) => this.ports.cancelSignup(a, workshopId), HR_VIA_CLI);
    return a.person.id;
  }
}

import type { Core } from '../app.js';
import { toLocale, type Actor } from '../core/people/person.js';
import type { EraseLeaver } from '../core/privacy/retention.js';

/**
 * The retention job's erasure of a leaver: the same use case as `mijn gegevens` → erase and `vliegwiel privacy
 * erase` (seats still to come given back, waiting messages withdrawn, dossier deleted, history anonymised),
 * recorded in the audit log as done by the system's retention run.
 */
export function leaverEraser(core: Core): EraseLeaver {
  return async (personId) => {
    const person = await core.ctx.people.findById(personId);
    if (!person) return;
    const actor: Actor = { person, platform: 'CONSOLE', locale: toLocale(person.locale, core.ctx.settings.defaultLocale) };
    await core.privacy.erase(actor, (workshopId) => core.workshops.cancel(actor, { w: workshopId, q: '', o: 0 }), {
      actor: 'system',
      actorId: null,
      via: 'retention',
    });
  };
}

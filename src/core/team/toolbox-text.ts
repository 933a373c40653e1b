import type { Locale } from '../messages.js';
import { localDate } from '../time.js';
import type { TeamKlus, TeamWorkshop } from './team-repository.js';
import { translator } from './texts.js';

export interface ToolboxContent {
  workshops: TeamWorkshop[];
  /** When nothing is on this week: the next workshops with free seats after it, so the team hears what is coming. */
  soon?: TeamWorkshop[];
  klussen: TeamKlus[];
  question: string | null;
}

const dayName = (d: Date, locale: Locale, timeZone: string) =>
  new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(d);

const time = (d: Date, timeZone: string) => {
  const p = localDate(d, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
};

/**
 * The text a team leader reads aloud at the morning briefing, one short sentence per line: what there is to
 * learn, what klussen fit, the question for a team talk, and how to join. Checked by the same B1 rules as every
 * Dutch text (test/team/toolbox-b1.test.ts).
 */
export function toolboxText(c: ToolboxContent, locale: Locale, timeZone: string): string {
  const tr = translator(locale);
  const soon = c.workshops.length === 0 ? (c.soon ?? []) : [];
  // "Dit is er deze week te leren" would be followed by "nothing this week": greet differently then.
  const lines = [tr(soon.length ? 'read.hello_soon' : 'read.hello')];
  if (c.workshops.length === 0) lines.push(tr('read.no_workshops'));
  if (soon.length) lines.push(tr('read.soon'));
  for (const w of [...c.workshops, ...soon]) {
    const when = { title: w.title, day: dayName(w.startsAt, locale, timeZone), time: time(w.startsAt, timeZone) };
    // A location spelled "Online" (as in imported files) is read as online, not "in Online".
    const place = w.location && !/^\s*online\s*$/i.test(w.location) ? w.location : null;
    lines.push(place ? tr('read.workshop', { ...when, place }) : tr('read.workshop_online', when));
    lines.push(tr('read.seats', { free: w.free }));
  }
  if (c.klussen.length) {
    lines.push(tr('read.klussen'));
    for (const k of c.klussen) lines.push(k.hoursPerWeek ? tr('read.klus_hours', { title: k.title, hours: k.hoursPerWeek }) : tr('read.klus', { title: k.title }));
  }
  if (c.question) lines.push(tr('read.question', { question: c.question }));
  lines.push(tr('read.ask'));
  return lines.join('\n');
}

export { time as localTime };

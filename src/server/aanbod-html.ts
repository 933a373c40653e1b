import { formatDayDate } from '../core/format.js';
import type { Locale } from '../core/messages.js';
import type { LearningWeek, PublicWorkshop, TeamLeader } from '../core/outreach/ports.js';
import { translator, type Translate } from '../core/outreach/texts.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const time = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(d);

const day = (d: Date, locale: Locale, timeZone: string) => formatDayDate(d, locale, timeZone).replace(/ \d{4}$/, '');

export interface PageOptions {
  locale: Locale;
  timezone: string;
}

/** The query string that keeps a chosen language on the next page. */
export const langQuery = (l: Locale) => (l === 'en' ? '?lang=en' : '');

function layout(tr: Translate, o: PageOptions, title: string, body: string, selfPath: string): string {
  const other: Locale = o.locale === 'nl' ? 'en' : 'nl';
  return `<!doctype html>
<html lang="${o.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Vliegwiel</title>
<link rel="stylesheet" href="/aanbod/stijl.css">
</head>
<body>
<a class="skip" href="#inhoud">${esc(tr('page.skip'))}</a>
<header>
<p class="lang"><a href="${esc(selfPath + langQuery(other))}" lang="${other}" hreflang="${other}">${esc(tr('page.other_language'))}</a></p>
<h1>${esc(title)}</h1>
</header>
<main id="inhoud">
${body}
</main>
</body>
</html>
`;
}

function when(tr: Translate, w: PublicWorkshop, o: PageOptions) {
  return tr('page.when', { day: day(w.startsAt, o.locale, o.timezone), from: time(w.startsAt, o.timezone), to: time(w.endsAt, o.timezone) });
}

function where(tr: Translate, w: PublicWorkshop) {
  const place = w.location ?? (w.online ? tr('page.online') : '');
  const forWhom = w.openTo.length ? `<p>${esc(tr('page.open_to', { organizations: w.openTo.map((o) => o.name).join(', ') }))}</p>\n` : '';
  return (place ? `<p>${esc(tr('page.where', { place }))}</p>\n` : '') + forWhom;
}

/** The catalogue: one card per workshop with its date, place, free seats and a link to ask for a seat. */
export function cataloguePage(week: LearningWeek | null, workshops: PublicWorkshop[], o: PageOptions, selfPath: string): string {
  const tr = translator(o.locale);
  const title = week ? tr('page.title_week', { week: week.name }) : tr('page.title');
  const items = workshops.map(
    (w) => `<li>
<h2>${esc(w.title)}</h2>
<p>${esc(when(tr, w, o))}</p>
${where(tr, w)}<p class="seats">${esc(tr('page.seats', { count: w.freeSeats }))}</p>
<a class="button" href="/aanbod/vraag/${w.id}${langQuery(o.locale)}">${esc(tr('page.ask'))}<span class="skip"> ${esc(tr('page.ask_for', { title: w.title }))}</span></a>
</li>`,
  );
  const list = items.length ? `<ul class="list">\n${items.join('\n')}\n</ul>` : `<p>${esc(tr('page.none'))}</p>`;
  const back = week ? `<p><a href="/aanbod${langQuery(o.locale)}">${esc(tr('page.all'))}</a></p>` : '';
  return layout(tr, o, title, `<p>${esc(tr('page.intro'))}</p>\n<p class="notice">${esc(tr('page.how'))}</p>\n${list}\n${back}`, selfPath);
}

export interface FormState {
  name?: string;
  teamLeaderId?: string;
  error?: string;
}

/** The request form of one workshop: a name, a team leader from the list, and a field only robots fill in. */
export function requestPage(w: PublicWorkshop, leaders: TeamLeader[], o: PageOptions, state: FormState = {}): string {
  const tr = translator(o.locale);
  const selfPath = `/aanbod/vraag/${w.id}`;
  const options = leaders
    .map((l) => {
      const label = l.department ? `${l.name} (${l.department})` : l.name;
      return `<option value="${l.id}"${l.id === state.teamLeaderId ? ' selected' : ''}>${esc(label)}</option>`;
    })
    .join('\n');
  const error = state.error
    ? `<div class="error" id="fout"><h2>${esc(tr('page.error_title'))}</h2><p>${esc(state.error)}</p></div>\n`
    : '';
  const described = state.error ? ' aria-describedby="fout"' : '';
  const body = `${error}<h2>${esc(w.title)}</h2>
<p>${esc(when(tr, w, o))}</p>
${where(tr, w)}<p class="seats">${esc(tr('page.seats', { count: w.freeSeats }))}</p>
<p>${esc(tr('page.form_intro'))}</p>
<p class="notice">${esc(tr('page.next'))}</p>
<form method="post" action="${selfPath}">
<input type="hidden" name="lang" value="${o.locale}">
<label for="naam">${esc(tr('page.name'))}</label>
<input id="naam" name="naam" type="text" required maxlength="60" autocomplete="name" value="${esc(state.name ?? '')}"${described}>
<label for="teamleider">${esc(tr('page.leader'))}</label>
<select id="teamleider" name="teamleider" required>
<option value="">${esc(tr('page.leader_choose'))}</option>
${options}
</select>
<div class="hp"><label for="website">${esc(tr('page.trap'))}</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
<button type="submit">${esc(tr('page.send'))}</button>
</form>
<p><a href="/aanbod${langQuery(o.locale)}">${esc(tr('page.all'))}</a></p>`;
  return layout(tr, o, tr('page.form_title'), body, selfPath);
}

/** The answer after a request was stored: what happens next, in plain words. */
export function sentPage(leader: string, title: string, o: PageOptions): string {
  const tr = translator(o.locale);
  const body = `<p class="notice">${esc(tr('page.sent', { leader, title }))}</p>
<p>${esc(tr('page.sent_next'))}</p>
<p><a href="/aanbod${langQuery(o.locale)}">${esc(tr('page.all'))}</a></p>`;
  return layout(tr, o, tr('page.sent_title'), body, '/aanbod');
}

/** A short page for errors that have no form to show (not found, too many requests). */
export function messagePage(text: string, o: PageOptions): string {
  const tr = translator(o.locale);
  return layout(tr, o, tr('page.error_title'), `<p>${esc(text)}</p>\n<p><a href="/aanbod${langQuery(o.locale)}">${esc(tr('page.all'))}</a></p>`, '/aanbod');
}

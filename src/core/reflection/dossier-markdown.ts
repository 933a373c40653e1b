import { formatDate } from '../format.js';
import { translator } from './texts.js';
import type { Locale } from '../messages.js';
import type { DossierKlus, DossierReflection, DossierWorkshop, Goal } from './dossier.js';

export interface DossierContent {
  name: string;
  goals: Goal[];
  reflections: DossierReflection[];
  workshops: DossierWorkshop[];
  klussen: DossierKlus[];
  /** "100 dagen talent: Fase: Ontdekken. Stap 3 van 11." */
  programmes: string[];
}

/** The person's own words stay theirs: quoted, so nothing they typed turns into a heading or a list. */
const quote = (s: string) => s.split('\n').map((l) => `> ${l}`).join('\n');
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The talent dossier as a Markdown file to take to the development talk. */
export function dossierMarkdown(d: DossierContent, locale: Locale, timeZone: string, now: Date): string {
  const tr = translator(locale);
  const date = (t: Date) => formatDate(t, locale, timeZone);
  const out: string[] = [`# ${tr('dossier.md_title', { name: oneLine(d.name) })}`, '', tr('dossier.md_made', { date: date(now) }), ''];

  out.push(`## ${tr('dossier.goals')}`, '');
  if (d.goals.length === 0) out.push(tr('dossier.no_goals'));
  for (const g of d.goals) {
    const when = g.doneAt ? tr('dossier.goal_done_on', { date: date(g.doneAt) }) : tr('dossier.goal_since', { date: date(g.createdAt) });
    out.push(`- [${g.doneAt ? 'x' : ' '}] ${oneLine(g.text)} (${when})`);
  }
  out.push('');

  if (d.programmes.length) {
    out.push(`## ${tr('dossier.programmes')}`, '', ...d.programmes.map((p) => `- ${oneLine(p)}`), '');
  }

  out.push(`## ${tr('dossier.reflections')}`, '');
  if (d.reflections.length === 0) out.push(tr('dossier.no_reflections'), '');
  for (const r of d.reflections) {
    out.push(`### ${date(r.at)}${r.question ? ` – ${oneLine(r.question[locale])}` : ''}`, '');
    if (r.text) out.push(quote(r.text), '');
    if (r.scale !== null) out.push(tr('dossier.scale', { scale: r.scale }), '');
    if (r.followUp) {
      const q = r.followUp.question[locale];
      out.push(`**${tr('dossier.md_follow_up')}${q ? `: ${oneLine(q)}` : ''}**`, '', quote(r.followUp.text), '');
    }
  }

  out.push(`## ${tr('dossier.workshops')}`, '');
  if (d.workshops.length === 0) out.push(tr('dossier.no_workshops'));
  for (const w of d.workshops) out.push(`- ${date(w.startsAt)}: ${oneLine(w.title)} (${workshopStatus(w, locale)})`);
  out.push('');

  out.push(`## ${tr('dossier.klussen')}`, '');
  if (d.klussen.length === 0) out.push(tr('dossier.no_klussen'));
  for (const k of d.klussen) out.push(`- ${oneLine(k.title)} (${klusStatus(k, locale)})`);
  out.push('');
  return out.join('\n');
}

export function workshopStatus(w: DossierWorkshop, locale: Locale): string {
  const tr = translator(locale);
  if (w.attended) return tr('dossier.attended');
  return tr(w.status === 'WAITLISTED' ? 'dossier.waitlist' : 'dossier.signed_up');
}

export function klusStatus(k: DossierKlus, locale: Locale): string {
  const tr = translator(locale);
  const keys = {
    INTERESTED: 'dossier.klus_interested',
    ACCEPTED: 'dossier.klus_accepted',
    DECLINED: 'dossier.klus_declined',
    WITHDRAWN: 'dossier.klus_withdrawn',
  } as const;
  return tr(keys[k.status]);
}

import { formatDate } from '../format.js';
import { translator } from './texts.js';
import type { Locale } from '../messages.js';
import type { PersonalDataExport } from './privacy-repository.js';

const SECTIONS: [keyof PersonalDataExport, { nl: string; en: string }][] = [
  ['identities', { nl: 'Chat-accounts', en: 'Chat accounts' }],
  ['skills', { nl: 'Vaardigheden', en: 'Skills' }],
  ['signups', { nl: 'Aanmeldingen voor workshops', en: 'Workshop sign-ups' }],
  ['klusInterests', { nl: 'Klussen waar je aan meedoet', en: 'Jobs you joined' }],
  ['klussenOwned', { nl: 'Klussen die je plaatste', en: 'Jobs you posted' }],
  ['signupsForOthers', { nl: 'Aanmeldingen die je deed voor je team', en: 'Sign-ups you made for your team' }],
  ['goals', { nl: 'Doelen', en: 'Goals' }],
  ['reflections', { nl: 'Reflecties', en: 'Reflections' }],
  ['promptDeliveries', { nl: 'Vragen die je kreeg', en: 'Questions you were asked' }],
  ['events', { nl: 'Wat je deed (signalen)', en: 'What you did (signals)' }],
  ['seatRequests', { nl: 'Vragen om een plek via de website', en: 'Requests for a seat on the website' }],
];

const value = (v: unknown): string => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The personal data export as a readable Markdown file: every field of every row, nothing left out. */
export function personalDataMarkdown(data: PersonalDataExport, locale: Locale, now: Date, timezone: string): string {
  const tr = translator(locale);
  const name = String(data.person.name ?? '');
  const lines = [`# ${tr('data.md_title', { name })}`, '', tr('data.md_made', { date: formatDate(now, locale, timezone) }), ''];
  lines.push(`## ${locale === 'nl' ? 'Over jou' : 'About you'}`, '');
  for (const [k, v] of Object.entries(data.person)) lines.push(`- **${k}**: ${value(v)}`);
  for (const [key, title] of SECTIONS) {
    const rows = data[key] as Record<string, unknown>[];
    lines.push('', `## ${title[locale]} (${rows.length})`, '');
    for (const row of rows) {
      lines.push(`- ${Object.entries(row).map(([k, v]) => `${k}: ${value(v)}`).join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

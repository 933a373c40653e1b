import { formatDate } from '../format.js';
import { educationLabel } from '../people/education.js';
import { texts, translator, type MessageKey } from './texts.js';
import type { Locale } from '../messages.js';
import type { PersonalDataExport } from './privacy-repository.js';

type Row = Record<string, unknown>;
type Tr = ReturnType<typeof translator>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const words = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);
const PLATFORM: Record<string, string> = { SLACK: 'Slack', TEAMS: 'Microsoft Teams', CONSOLE: 'console' };

/**
 * The personal data export as a document a person can read without knowing the database (AVG art. 15): a heading
 * per part, labels and sentences in their language, dates in words, stored codes in words, no internal ids. The
 * JSON export beside it keeps every field as stored.
 */
export function personalDataMarkdown(data: PersonalDataExport, locale: Locale, now: Date, timezone: string): string {
  const tr = translator(locale);
  const date = (v: unknown) => (typeof v === 'string' || v instanceof Date ? formatDate(new Date(v), locale, timezone) : tr('data.md_unknown'));
  // A code with a text of its own ("data.md_signup_CONFIRMED"), else the code as stored.
  const code = (prefix: string, v: unknown) => {
    const key = `${prefix}${str(v)}`;
    return key in texts[locale] ? tr(key as MessageKey) : str(v);
  };
  const p = data.person;
  const lines = [`# ${tr('data.md_title', { name: str(p.name) })}`, '', tr('data.md_made', { date: formatDate(now, locale, timezone) }), '', tr('data.md_intro'), ''];
  lines.push(`## ${tr('data.md_about')}`, '', ...aboutYou(p, tr, date, code, locale));

  const section = (key: keyof PersonalDataExport, render: (r: Row) => string[]) => {
    const rows = data[key] as Row[];
    lines.push('', `## ${tr(`data.md_sec_${key}` as MessageKey)}`, '');
    if (rows.length === 0) lines.push(tr('data.md_none'));
    for (const r of rows) {
      const [first, ...more] = render(r);
      lines.push(`- ${first ?? ''}`, ...more.map((m) => `  ${m}`));
    }
  };
  section('identities', (r) => [
    tr(r.lastSeenAt ? 'data.md_identity_seen' : 'data.md_identity', { platform: PLATFORM[str(r.platform)] ?? str(r.platform), since: date(r.createdAt), seen: date(r.lastSeenAt) }),
    ...(r.unreachableAt ? [tr('data.md_identity_unreachable')] : []),
  ]);
  section('skills', (r) => [tr(r.confirmedAt ? 'data.md_skill_confirmed' : 'data.md_skill', { skill: str(r.skill), date: date(r.confirmedAt) })]);
  section('signups', (r) => {
    const w = (r.workshop ?? {}) as Row;
    const attended = r.attended === true ? [tr('data.md_attended_yes')] : r.attended === false ? [tr('data.md_attended_no')] : [];
    return [tr('data.md_signup', { title: str(w.title), date: date(w.startsAt), status: code('data.md_signup_', r.status) }), ...attended];
  });
  // A team leader's sign-ups for others: the workshop only, the colleague's name belongs to that colleague.
  section('signupsForOthers', (r) => {
    const w = (r.workshop ?? {}) as Row;
    return [tr('data.md_signup_for_other', { title: str(w.title), date: date(w.startsAt), status: code('data.md_signup_', r.status) })];
  });
  section('seatRequests', (r) => {
    const w = (r.workshop ?? {}) as Row;
    const mine = r.personId === p.id;
    const values = { title: str(w.title), date: date(r.createdAt), name: str(r.name), status: code('data.md_seat_', r.status) };
    return [tr(mine || r.teamLeaderId !== p.id ? 'data.md_seat_request' : 'data.md_seat_request_leader', values)];
  });
  section('klusInterests', (r) => {
    const k = (r.klus ?? {}) as Row;
    const line = tr('data.md_interest', { title: str(k.title), status: code('data.md_interest_', r.status), release: code('data.md_release_', r.releaseStatus) });
    return [line, ...(str(r.motivation) ? [tr('data.md_motivation', { text: str(r.motivation) })] : [])];
  });
  section('klussenOwned', (r) => [tr('data.md_klus_owned', { title: str(r.title), status: code('data.md_klus_', r.status) })]);
  section('goals', (r) => [tr(r.doneAt ? 'data.md_goal_done' : 'data.md_goal_open', { text: str(r.text), date: date(r.doneAt ?? r.createdAt) })]);
  section('reflections', (r) => {
    const main = typeof r.scale === 'number' && !str(r.text)
      ? tr('data.md_reflection_scale', { date: date(r.createdAt), scale: r.scale })
      : tr('data.md_reflection', { date: date(r.createdAt), text: str(r.text) });
    return [main, ...(r.isFollowUp === true ? [tr('data.md_follow_up')] : [])];
  });
  section('promptDeliveries', (r) => {
    const q = (r.prompt ?? {}) as Row;
    const question = str(locale === 'en' ? q.textEn : q.textNl) || str(q.textNl);
    return [tr('data.md_question', { date: date(r.sentAt), question, status: code('data.md_question_', r.status) })];
  });
  section('programmes', (r) => {
    const name = str(((r.programme ?? {}) as Row).name);
    return [r.completedAt
      ? tr('data.md_programme_done', { name, date: date(r.startedAt), done: date(r.completedAt) })
      : tr('data.md_programme', { name, date: date(r.startedAt), step: Number(r.lastStep ?? 0) })];
  });
  section('events', (r) => {
    const key = `data.md_event_${str(r.kind)}`;
    const what = key in texts[locale] ? tr(key as MessageKey) : tr('data.md_event_other', { kind: str(r.kind) });
    return [tr('data.md_event', { date: date(r.occurredAt), what })];
  });
  return `${lines.join('\n')}\n`;
}

function aboutYou(p: Row, tr: Tr, date: (v: unknown) => string, code: (prefix: string, v: unknown) => string, locale: Locale): string[] {
  const out: string[] = [];
  const add = (label: MessageKey, value: string) => {
    if (value) out.push(`- **${tr(label)}**: ${value}`);
  };
  add('data.md_name', str(p.name));
  add('data.md_email', str(p.email));
  add('data.md_organization', str(((p.organization ?? {}) as Row).name));
  add('data.md_department', str(p.department));
  add('data.md_job_title', str(p.jobTitle));
  add('data.md_employee_number', str(p.employeeNumber));
  add('data.md_education', str(p.educationLevel) ? educationLabel(str(p.educationLevel), locale) : '');
  add('data.md_roles', words(p.roles).map((r) => code('data.md_role_', r)).join(', '));
  add('data.md_language', str(p.locale) ? code('data.md_lang_', p.locale) : '');
  add('data.md_timezone', str(p.timezone));
  add('data.md_manager', p.managerId ? tr('data.md_manager_known') : '');
  add('data.md_messages', tr(p.paused === true ? 'data.md_paused' : 'data.md_not_paused'));
  add('data.md_opt_outs', words(p.optOuts).map((c) => code('data.md_cat_', c)).join(', '));
  const every = Number(p.promptEveryDays ?? 0);
  const day = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, Number(p.promptWeekday ?? 1))));
  add('data.md_rhythm', every > 0 ? tr('data.md_rhythm_on', { days: every, day, time: str(p.promptTime) }) : tr('data.md_rhythm_off'));
  add('data.md_since', date(p.createdAt));
  add('data.md_left', p.deactivatedAt ? date(p.deactivatedAt) : '');
  return out;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { formatDateTime } from '../format.js';
import { translator, type Translate } from './texts.js';
import type { Block, Button, Locale, Message } from '../messages.js';
import { contentFor, progressBar, type Audience, type AudienceCount, type Broadcast, type BroadcastImage, type Progress } from './broadcast.js';

/** The signature of one recipient's link: only the bot can make it, so a counted click is that person's own. */
export const linkSignature = (secret: string, broadcastId: string, personId: string) =>
  createHmac('sha256', secret).update(`${broadcastId}:${personId}`).digest('base64url').slice(0, 22);

export function validLinkSignature(secret: string, broadcastId: string, personId: string, given: string): boolean {
  const expected = Buffer.from(linkSignature(secret, broadcastId, personId));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The broadcast's button as one person gets it: their own counted link, or "Aanmelden" for the workshop. */
function recipientButton(b: Broadcast, tr: Translate, personId: string, publicUrl: string): Button | null {
  if (!b.button) return null;
  if (b.button.kind === 'workshop') {
    return { action: 'broadcast.signup', value: `${b.id}:${b.button.workshopKey}`, label: tr('broadcast.button_signup'), style: 'primary' };
  }
  const sig = linkSignature(b.button.secret, b.id, personId);
  return { action: 'broadcast.link', value: b.id, label: b.button.label ?? tr('broadcast.button_link'), url: `${publicUrl}/go/${b.id}/${personId}/${sig}` };
}

const imageBlock = (i: BroadcastImage, locale: Locale): Block => ({ type: 'image', url: i.url, alt: (locale === 'en' && i.altEn) || i.alt });

/** What a recipient gets, in their language (the Dutch version when there is no English one). */
export function recipientMessage(b: Broadcast, locale: Locale, personId: string, publicUrl: string): Message {
  const tr = translator(locale);
  const c = contentFor(b.content, locale);
  const blocks: Block[] = [
    { type: 'header', text: c.title },
    ...(b.content.image ? [imageBlock(b.content.image, locale)] : []),
    { type: 'text', text: c.text },
  ];
  const button = recipientButton(b, tr, personId, publicUrl);
  if (button) blocks.push({ type: 'actions', buttons: [button] });
  return { text: c.title, blocks };
}

export function audienceText(a: Audience, tr: Translate, organizationName: (id: string) => string): string {
  const parts: string[] = [];
  const add = (key: Parameters<Translate>[0], items: string[]) => items.length && parts.push(tr(key, { list: items.join(', ') }));
  add('broadcast.audience_organizations', a.organizations.map(organizationName));
  add('broadcast.audience_departments', a.departments);
  add('broadcast.audience_levels', a.educationLevels);
  add('broadcast.audience_roles', a.roles.map((r) => tr(`broadcast.role.${r.toLowerCase() as 'employee' | 'manager' | 'hr'}`)));
  add('broadcast.audience_tags', a.tags);
  add('broadcast.audience_groups', (a.groups ?? []).map((g) => g.name));
  add('broadcast.audience_teams', (a.managers ?? []).map((m) => m.name));
  return parts.length ? parts.join('\n') : tr('broadcast.audience_all');
}

export interface CardContext {
  locale: Locale;
  timezone: string;
  count: AudienceCount;
  organizationName: (id: string) => string;
  approverName?: string | null;
}

/** The facts of a broadcast for HR: status, how many people, who, when. */
export function factsBlock(b: Broadcast, c: CardContext): Block {
  const tr = translator(c.locale);
  const counts = [tr('broadcast.recipients', { count: c.count.recipients })];
  if (c.count.unreachable) counts.push(tr('broadcast.unreachable', { count: c.count.unreachable }));
  if (c.count.skipped) counts.push(tr('broadcast.skipped', { count: c.count.skipped }));
  const when = b.scheduledAt ? formatDateTime(b.scheduledAt, c.locale, c.timezone) : tr('broadcast.when_now');
  return {
    type: 'fields',
    fields: [
      { label: tr('broadcast.field_status'), value: tr(`broadcast.status.${b.status}`) },
      { label: tr('broadcast.field_recipients'), value: counts.join(' ') },
      { label: tr('broadcast.field_audience'), value: audienceText(b.audience, tr, c.organizationName) },
      { label: tr('broadcast.field_when'), value: when },
    ],
  };
}

export const recallButton = (b: Broadcast, tr: Translate): Button => ({
  action: 'broadcast.recall',
  value: b.id,
  label: tr('broadcast.button_recall'),
  style: 'danger',
  confirm: { title: tr('broadcast.confirm_recall_title'), text: tr('broadcast.confirm_recall_text'), yes: tr('common.yes'), no: tr('common.no') },
});

/** The author's live view while sending, and its final state: a bar, the figures and a way to recall. */
export function progressMessage(b: Broadcast, p: Progress, locale: Locale): Message {
  const tr = translator(locale);
  const done = b.status === 'SENT' || b.status === 'RECALLED';
  const title = tr(b.status === 'RECALLED' ? 'broadcast.recalled_title' : done ? 'broadcast.done_title' : 'broadcast.progress_title', { title: b.title });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: progressBar(p) },
    {
      type: 'fields',
      fields: [
        { label: tr('broadcast.progress_sent'), value: String(p.sent) },
        { label: tr('broadcast.progress_failed'), value: String(p.failed) },
        { label: tr('broadcast.progress_waiting'), value: String(p.waiting) },
        { label: tr('broadcast.progress_clicks'), value: String(p.clicks) },
      ],
    },
  ];
  if (b.status === 'SENDING' || b.status === 'SENT') blocks.push({ type: 'actions', buttons: [recallButton(b, tr)] });
  return { text: `${title} ${progressBar(p)}`, blocks };
}

/** The final summary, a new message so that the author hears it is done. */
type ReasonKey = 'broadcast.reason.unreachable' | 'broadcast.reason.paused' | 'broadcast.reason.expired' | 'broadcast.reason.erased'
  | 'broadcast.reason.recalled' | 'broadcast.reason.platform';

/** The outbox's technical reasons in words, counted per kind of reason. */
export function reasonsOf(reasons: { reason: string; count: number }[]): Map<ReasonKey, number> {
  const out = new Map<ReasonKey, number>();
  for (const r of reasons) {
    const s = r.reason.toLowerCase();
    const key: ReasonKey = s.startsWith('unreachable') ? 'broadcast.reason.unreachable'
      : s.includes('paused') || s.includes('no longer applies') ? 'broadcast.reason.paused'
      : s.startsWith('expired') ? 'broadcast.reason.expired'
      : s.includes('erased') || s.includes('left') ? 'broadcast.reason.erased'
      : s.includes('recall') ? 'broadcast.reason.recalled'
      : 'broadcast.reason.platform';
    out.set(key, (out.get(key) ?? 0) + r.count);
  }
  return out;
}

export function summaryMessage(b: Broadcast, p: Progress, locale: Locale): Message {
  const tr = translator(locale);
  const title = tr('broadcast.done_title', { title: b.title });
  const text = tr('broadcast.done_text', { sent: p.sent, total: p.total, failed: p.failed });
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'text', text }];
  if (p.inConsole > 0) blocks.push({ type: 'text', text: tr('broadcast.done_console', { count: p.inConsole }) });
  const why = reasonsOf(p.reasons);
  if (why.size > 0) {
    blocks.push({ type: 'text', text: [tr('broadcast.done_reasons'), ...[...why].map(([k, n]) => `• ${tr(k)}: ${n}`)].join('\n') });
  }
  if (p.failed > 0) blocks.push({ type: 'context', text: tr('broadcast.done_export', { id: b.id }) });
  blocks.push({ type: 'actions', buttons: [recallButton(b, tr)] });
  return { text: `${title}. ${text}`, blocks };
}

/** What replaces a recalled message where it arrived (or is sent after it, where the platform cannot). */
export function retractedMessage(b: Broadcast, locale: Locale): Message {
  const text = translator(locale)('broadcast.retracted_notice', { title: contentFor(b.content, locale).title });
  return { text, blocks: [{ type: 'context', text }] };
}

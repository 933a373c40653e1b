import { formatDate, truncate } from '../format.js';
import type { Translate } from './texts.js';
import type { Block, Button, Locale } from '../messages.js';
import type { Klus } from './klus.js';

type Field = { label: string; value: string };

/** The facts of a klus, in the order a person weighs them: what, how much, when, where, for whom, until when. */
export function klusFields(k: Klus, tr: Translate, locale: Locale, timezone: string, compact = false): Field[] {
  const fields: Field[] = [];
  if (k.skills.length) fields.push({ label: tr('klussen.skills'), value: k.skills.join(', ') });
  if (k.hoursPerWeek) fields.push({ label: tr('klussen.hours_label'), value: tr('klussen.hours', { hours: k.hoursPerWeek }) });
  // In a list only what decides a click (what, how much, until when); the rest is in the klus's own card.
  if (compact) {
    if (k.deadline) fields.push({ label: tr('klussen.deadline'), value: formatDate(k.deadline, locale, timezone) });
    return fields;
  }
  // Start and end are calendar dates (UTC midnight); the deadline is a moment in the bot's timezone.
  if (k.startsOn && k.endsOn)
    fields.push({ label: tr('klussen.period'), value: `${formatDate(k.startsOn, locale, 'UTC')} – ${formatDate(k.endsOn, locale, 'UTC')}` });
  if (k.location) fields.push({ label: tr('klussen.location'), value: k.location });
  fields.push({
    label: tr('klussen.open_to'),
    value: k.openToRegion ? tr('klussen.open_to_region') : tr('klussen.open_to_org', { organization: k.organizationName ?? '–' }),
  });
  if (k.deadline) fields.push({ label: tr('klussen.deadline'), value: formatDate(k.deadline, locale, timezone) });
  return fields;
}

export function klusItem(
  k: Klus,
  tr: Translate,
  locale: Locale,
  timezone: string,
  opts: { lines?: string[]; fields?: Field[]; buttons?: Button[]; descriptionMax?: number; compact?: boolean } = {},
): Block {
  const text = [truncate(k.description, opts.descriptionMax ?? 200), ...(opts.lines ?? [])].filter(Boolean).join('\n');
  return {
    type: 'item',
    title: k.title,
    ...(text ? { text } : {}),
    fields: [...klusFields(k, tr, locale, timezone, opts.compact), ...(opts.fields ?? [])],
    ...(opts.buttons?.length ? { buttons: opts.buttons } : {}),
  };
}

export const candidatesButton = (klusId: string, tr: Translate): Button => ({
  action: 'klus.candidates',
  value: klusId,
  label: tr('klussen.button_candidates'),
});

export const interestButton = (klusId: string, tr: Translate): Button => ({
  action: 'klus.interest',
  value: klusId,
  label: tr('klussen.button_interest'),
  style: 'primary',
});

export const withdrawButton = (klusId: string, tr: Translate): Button => ({
  action: 'klus.withdraw',
  value: klusId,
  label: tr('klussen.button_withdraw'),
});

export const confirmButton = (action: string, value: string, label: string, c: { title: string; text: string }, tr: Translate): Button => ({
  action,
  value,
  label,
  style: 'danger',
  confirm: { ...c, yes: tr('common.yes'), no: tr('common.no') },
});

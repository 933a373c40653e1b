import { formatSlot, truncate } from '../format.js';
import type { Translate } from './texts.js';
import type { Block, Button, Locale } from '../messages.js';
import type { WorkshopForPerson } from './workshop.js';

/** Workshops per page: three fit one phone screen. */
export const PAGE_SIZE = 3;

/** What a list button carries back: the workshop and the list it was shown in, so the list can be redrawn. */
export interface ListState {
  w?: string;
  q: string;
  o: number;
}

export const encodeState = (s: ListState) => JSON.stringify(s);

export function workshopItem(
  w: WorkshopForPerson,
  tr: Translate,
  locale: Locale,
  timezone: string,
  publicUrl: string,
  list: Omit<ListState, 'w'>,
): Block {
  const value = encodeState({ ...list, w: w.id });
  const seatsLeft = Math.max(0, w.capacity - w.confirmedCount);
  const seats =
    seatsLeft === 0
      ? tr('workshops.full', { count: w.waitlistLength })
      : seatsLeft === 1
        ? tr('workshops.one_seat_left')
        : tr('workshops.seats_left', { count: seatsLeft });
  const where = w.onlineUrl ? tr('workshops.online') : (w.location ?? '–');
  const buttons: Button[] = [];
  let status = seats;
  if (w.myStatus === 'CONFIRMED' || w.myStatus === 'WAITLISTED') {
    status =
      w.myStatus === 'CONFIRMED'
        ? `✅ ${tr('workshops.you_are_signed_up')}`
        : `⏳ ${tr('workshops.you_are_waiting', { position: w.myPosition ?? '?' })}`;
    buttons.push(cancelButton('workshop.cancel', value, w.title, tr));
    if (w.myStatus === 'CONFIRMED') {
      buttons.push({ action: 'link.calendar', value: w.id, label: tr('workshops.calendar'), url: calendarUrl(publicUrl, w.icsToken) });
    }
  } else {
    buttons.push(
      seatsLeft > 0
        ? { action: 'workshop.signup', value, label: tr('workshops.button_signup'), style: 'primary' }
        : { action: 'workshop.signup', value, label: tr('workshops.button_waitlist') },
    );
  }
  return {
    type: 'item',
    key: w.id,
    title: w.title,
    text: truncate(w.description, 200),
    fields: [
      { label: tr('workshops.when'), value: formatSlot(w.startsAt, w.endsAt, locale, timezone) },
      { label: tr('workshops.where'), value: where },
      { label: tr('workshops.status'), value: status },
    ],
    buttons,
  };
}

export const calendarUrl = (publicUrl: string, icsToken: string) => `${publicUrl}/calendar/${icsToken}.ics`;

/** "Afmelden" always asks first: a mis-tap must not give a seat away. */
export const cancelButton = (action: string, value: string, title: string, tr: Translate): Button => ({
  action,
  value,
  label: tr('workshops.button_cancel'),
  style: 'danger',
  confirm: {
    title: tr('workshops.confirm_cancel_title'),
    text: tr('workshops.confirm_cancel_text', { title }),
    yes: tr('common.yes'),
    no: tr('common.no'),
  },
});

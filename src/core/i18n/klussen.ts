/** klussen texts: Dutch (B1) and English. */
export const nl = {
  'klussen.title': 'Klussen',
  'klussen.none': 'Er zijn nu geen open klussen voor jou.',
  'klussen.hours': '{hours} uur per week',
  'klussen.match': 'Past bij je: {skills}',
  'klussen.skills': 'Gevraagd',
  'klussen.period': 'Periode',
  'klussen.button_interest': 'Ik doe mee',
  'klussen.button_withdraw': 'Toch niet',
  'klussen.interested': 'Leuk! De eigenaar van “{title}” ziet dat je mee wilt doen.',
  'klussen.already_interested': 'Je had al laten weten dat je mee wilt doen aan “{title}”.',
  'klussen.withdrawn': 'Je doet niet meer mee aan “{title}”.',
  'klussen.status_interested': 'Je doet mee',} as const;

export const en: Record<keyof typeof nl, string> = {
  'klussen.title': 'Jobs',
  'klussen.none': 'There are no open jobs for you right now.',
  'klussen.hours': '{hours} hours a week',
  'klussen.match': 'Fits you: {skills}',
  'klussen.skills': 'Wanted',
  'klussen.period': 'Period',
  'klussen.button_interest': 'I’m interested',
  'klussen.button_withdraw': 'Withdraw',
  'klussen.interested': 'Great! The owner of “{title}” can see that you want to join.',
  'klussen.already_interested': 'You had already said you want to join “{title}”.',
  'klussen.withdrawn': 'You are no longer taking part in “{title}”.',
  'klussen.status_interested': 'You are in',};

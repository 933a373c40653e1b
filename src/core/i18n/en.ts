import type { CommonKey } from './nl.js';

/** English, the second language. Every Dutch key exists here too (the type enforces it). */
export const en: Record<CommonKey, string> = {
  'help.title': 'What can Vliegwiel do for you?',
  'help.intro': 'Type one of these words, or click a button.',
  'help.workshops': 'workshops [word] – browse workshops and sign up',
  'help.my': 'my – your sign-ups, jobs and settings',
  'help.klussen': 'jobs [word] – temporary jobs that fit you',
  'help.reflect': 'reflect – a short question to think about',
  'help.pause': 'pause / start – pause or resume messages from Vliegwiel',
  'help.data': 'my data – see or erase what Vliegwiel knows about you',
  'help.dossier': 'my dossier – your goals, reflections and what you did',
  'help.manager': 'post job – put a job in the Klussenbank',
  'help.hr': 'broadcast – send a message to a group of colleagues',
  'help.manage_workshops': 'manage workshops – sign-ups, changes, cancellations, attendance',
  'help.language': 'language nl / taal nl – schakel naar Nederlands',

  'common.more': 'More',
  'common.previous': 'Previous',
  'common.next': 'Next',
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.cancel': 'Cancel',
  'common.help': 'Help',
  'common.none': 'Nothing found.',
  'common.page': 'Page {page} of {pages}',
  'common.not_yet': 'Vliegwiel cannot do this yet. It is coming soon.',

  'error.not_found': 'I cannot find that (any more).',
  'error.forbidden': 'Your role does not allow that.',
  'error.invalid_input': 'That is not quite right yet: {detail}',
  'error.workshop_closed': 'Sign-up is closed for this workshop.',
  'error.workshop_cancelled': 'This workshop has been cancelled.',
  'error.workshop_overlap': 'You are already signed up for “{title}” at that time.',
  'error.workshop_past': 'This workshop has already started or ended.',
  'error.not_signed_up': 'You were not signed up for this workshop.',
  'error.klus_closed': 'This job is no longer open.',
  'error.unknown_command': 'I do not understand that. Type “help” to see what I can do.',
  'error.unknown_action': 'That button no longer works. Type “help” to start again.',
  'error.conflict': 'Someone else was just ahead of you. Please try again.',
  'error.internal': 'Something went wrong on our side. Please try again later. (code {requestId})',

  'my.title': 'My overview',
  'my.signups': 'My sign-ups',
  'my.no_signups': 'You have not signed up for anything yet. Type “workshops” to look around.',
  'my.klussen': 'My jobs',
  'my.no_klussen': 'You are not taking part in a job yet.',
  'my.settings': 'Settings',
  'my.language': 'Language: English',
  'my.paused': 'Messages are paused. Type “start” to turn them back on.',
  'my.active': 'You receive messages from Vliegwiel. Type “pause” to pause them.',
  'my.button_pause': 'Pause',
  'my.button_resume': 'Resume',

  'pause.done': 'Messages are paused. You will get no questions or reminders. Type “start” to turn them back on.',
  'pause.resumed': 'Welcome back! You will receive messages from Vliegwiel again.',

  'language.done': 'I will talk to you in English from now on.',

  'welcome.title': 'Welcome to Vliegwiel!',
  'welcome.text': 'I help you keep learning: workshops, temporary jobs and short questions to think about.',

  'slack.form_unavailable': 'I cannot show this form here. Type the word again, or ask your HR adviser for help.',
  'slack.truncated': 'Not everything fits here. Send “my” or “workshops” to Vliegwiel in a message for the rest.',

  'teams.required': 'Please fill in “{field}”.',
  'teams.done': 'Done.',
};

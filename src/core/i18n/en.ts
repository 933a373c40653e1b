import type { CommonKey } from './nl.js';

/** English, the second language. Every Dutch key exists here too (the type enforces it). */
export const en: Record<CommonKey, string> = {
  'help.title': 'What can Vliegwiel do for you?',
  'help.intro': 'Type one of these words, or click a button.',
  'help.my': 'my – your sign-ups, jobs and settings',
  'help.pause': 'pause / start – pause or resume messages from Vliegwiel',
  'help.button_more': 'More',
  'help.more_hint': 'Type “more” for every word.',
  'help.language': 'language nl – switch to Dutch (Nederlands)',

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
  'error.klus_own': 'This is your own job. You cannot join it yourself.',
  'error.candidate_withdrawn': '{name} is no longer taking part in this job.',
  'error.release_pending': 'The manager of {name} has to release the hours first. You will get a message when that has happened.',
  'error.release_declined': 'The manager of {name} does not release the hours. So you cannot choose {name}.',
  'error.unknown_command': 'I do not understand that. Type “help” to see what I can do.',
  'error.unknown_action': 'That button no longer works. Type “help” to start again.',
  'error.conflict': 'Someone else was just ahead of you. Please try again.',
  'error.internal': 'Something went wrong on our side. Please try again later. (code {requestId})',

  'my.title': 'My overview',
  'my.settings': 'Settings',
  'my.language': 'Language: English',
  'my.paused': 'Messages are paused. Type “start” to turn them back on.',
  'my.active': 'You receive messages from Vliegwiel. Type “pause” to pause them.',
  'my.button_pause': 'Pause',
  'my.button_resume': 'Resume',

  'pause.done': 'Messages are paused. You will get no questions or reminders. Type “start” to turn them back on.',
  'pause.resumed': 'Welcome back! You will receive messages from Vliegwiel again.',

  'language.done': 'I will talk to you in English from now on.',
  'language.unknown': 'I do not know that language: “{language}”. Choose nl or en.',

  'talk.greeting': 'Hi! Type “help” to see what I can do for you.',
  'talk.thanks': 'You are welcome!',

  'welcome.title': 'Welcome to Vliegwiel!',
  'welcome.text': 'I help you keep learning: workshops, temporary jobs and short questions to think about.',

  'slack.form_unavailable': 'I cannot show this form here. Type the word again, or ask your HR adviser for help.',
  'slack.truncated': 'Not everything fits here. Send “my” or “workshops” to Vliegwiel in a message for the rest.',

  'console.hello': 'Vliegwiel console chat. Type words (help, workshops, my, jobs, reflect …) or a number to press that button. End with Ctrl-D.',
  'console.optional': '(may be empty)',
  'console.pick': '{count, plural, one {There is 1 button. Type 1 to press it.} other {Pick a button from 1 to #.}}',
  'console.no_buttons': 'There are no buttons now. Type “help”.',
  'console.form': '{title} ({count, plural, one {# question} other {# questions}})',
  'console.unknown_person': 'There is nobody with the e-mail address {email}. Check the spelling. A new person? Use --create.',

  'teams.required': 'Please fill in “{field}”.',
  'teams.required_short': 'Please fill this in.',
  'teams.your_answer': 'Your answer',
  'teams.more_fields': 'More to fill in ({count})',
  'teams.done': 'Done.',
};

/** Dutch, the default language. Plain B1 Dutch: short sentences, everyday words, "je". */
export const nl = {
  'help.title': 'Wat kan Vliegwiel voor je doen?',
  'help.intro': 'Typ een van deze woorden. Of klik op een knop.',
  'help.my': 'mijn – je aanmeldingen, klussen en instellingen',
  'help.pause': 'pauze / start – zet berichten van Vliegwiel stil of weer aan',
  'help.language': 'taal en / language en – switch to English',
  'help.button_more': 'Meer',
  'help.more_hint': 'Typ “meer” voor alle woorden.',

  'common.more': 'Meer',
  'common.previous': 'Vorige',
  'common.next': 'Volgende',
  'common.yes': 'Ja',
  'common.no': 'Nee',
  'common.cancel': 'Annuleren',
  'common.help': 'Hulp',
  'common.none': 'Niets gevonden.',
  'common.page': 'Pagina {page} van {pages}',
  'common.not_yet': 'Dit kan Vliegwiel nog niet. Het komt er binnenkort aan.',

  'error.not_found': 'Dat kan ik niet (meer) vinden.',
  'error.forbidden': 'Dat mag je niet doen met jouw rol.',
  'error.invalid_input': 'Dat klopt nog niet: {detail}',
  'error.workshop_closed': 'Aanmelden kan niet meer. De inschrijving is gesloten.',
  'error.workshop_cancelled': 'Deze workshop gaat niet door.',
  'error.workshop_overlap': 'Je staat al ingeschreven voor “{title}” op die tijd.',
  'error.workshop_past': 'Deze workshop is al begonnen of voorbij.',
  'error.not_signed_up': 'Je stond niet ingeschreven voor deze workshop.',
  'error.klus_closed': 'Deze klus is niet meer open.',
  'error.klus_own': 'Dit is je eigen klus. Daar kun je niet zelf aan meedoen.',
  'error.candidate_withdrawn': '{name} doet niet meer mee aan deze klus.',
  'error.release_pending': 'De leidinggevende van {name} moet de uren eerst vrijgeven. Je krijgt een bericht als dat gebeurd is.',
  'error.release_declined': 'De leidinggevende van {name} geeft geen uren vrij. Daarom kun je {name} niet kiezen.',
  'error.unknown_command': 'Dat begrijp ik niet. Typ “help” om te zien wat ik kan.',
  'error.unknown_action': 'Die knop werkt niet meer. Typ “help” om opnieuw te beginnen.',
  'error.conflict': 'Iemand anders was je net voor. Probeer het nog een keer.',
  'error.internal': 'Er ging iets mis aan onze kant. Probeer het later nog eens. (code {requestId})',

  'my.title': 'Mijn overzicht',
  'my.settings': 'Instellingen',
  'my.language': 'Taal: Nederlands',
  'my.paused': 'Berichten staan op pauze. Typ “start” om ze weer aan te zetten.',
  'my.active': 'Je krijgt berichten van Vliegwiel. Typ “pauze” om ze stil te zetten.',
  'my.button_pause': 'Pauze',
  'my.button_resume': 'Weer aanzetten',

  'pause.done': 'Berichten staan op pauze. Je krijgt geen vragen en herinneringen meer. Typ “start” om ze weer aan te zetten.',
  'pause.resumed': 'Welkom terug! Je krijgt weer berichten van Vliegwiel.',

  'language.done': 'Ik praat vanaf nu Nederlands met je.',
  'language.unknown': 'Die taal ken ik niet: “{language}”. Kies nl of en.',

  'talk.greeting': 'Hoi! Typ “help” om te zien wat ik voor je kan doen.',
  'talk.thanks': 'Graag gedaan!',

  'welcome.title': 'Welkom bij Vliegwiel!',
  'welcome.text': 'Ik help je om te blijven leren. Met workshops, klussen en korte vragen om over na te denken.',

  'slack.form_unavailable': 'Dit formulier kan ik hier niet laten zien. Typ het woord nog een keer, of vraag je HR-adviseur om hulp.',
  'slack.truncated': 'Niet alles past hier. Stuur “mijn” of “workshops” in een bericht aan Vliegwiel voor de rest.',

  'console.hello': 'Vliegwiel chat in de console. Typ woorden (help, workshops, mijn, klussen, reflectie …) of een nummer om die knop te kiezen. Stop met Ctrl-D.',
  'console.optional': '(mag leeg)',
  'console.pick': '{count, plural, one {Er is 1 knop. Typ 1 om hem te kiezen.} other {Kies een knop van 1 tot #.}}',
  'console.no_buttons': 'Er zijn nu geen knoppen. Typ “help”.',
  'console.form': '{title} ({count, plural, one {# vraag} other {# vragen}})',
  'console.unknown_person': 'Er is niemand met het e-mailadres {email}. Kijk of het goed gespeld is. Nieuw persoon? Gebruik --create.',

  'teams.required': 'Vul “{field}” in.',
  'teams.required_short': 'Vul dit in.',
  'teams.your_answer': 'Je antwoord',
  'teams.more_fields': 'Meer invullen ({count})',
  'teams.done': 'Gelukt.',
} as const;

export type CommonKey = keyof typeof nl;

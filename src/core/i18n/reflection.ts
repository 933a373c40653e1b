/** reflection texts: Dutch (B1) and English. */
export const nl = {
  'reflect.title': 'Even nadenken',
  'reflect.answer_hint': 'Typ je antwoord hier. Alleen jij kunt het lezen.',
  'reflect.none': 'Ik heb nu geen vraag voor je. Probeer het later nog eens.',
  'reflect.thanks': 'Dank je! Je antwoord staat in je eigen dossier.',
  'reflect.button_skip': 'Overslaan',
  'reflect.button_later': 'Later',
  'reflect.skipped': 'Prima, we slaan deze over.',
  'reflect.snoozed': 'Goed, ik vraag het je morgen nog een keer.',} as const;

export const en: Record<keyof typeof nl, string> = {
  'reflect.title': 'A moment to think',
  'reflect.answer_hint': 'Type your answer here. Only you can read it.',
  'reflect.none': 'I have no question for you right now. Please try again later.',
  'reflect.thanks': 'Thank you! Your answer is in your own dossier.',
  'reflect.button_skip': 'Skip',
  'reflect.button_later': 'Later',
  'reflect.skipped': 'Fine, we will skip this one.',
  'reflect.snoozed': 'OK, I will ask you again tomorrow.',};

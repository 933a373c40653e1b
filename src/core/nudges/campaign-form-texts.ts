import { translatorFor, type Texts } from '../i18n/index.js';

/** What the console's campaign form says about mistakes; the rule set itself (campaign-rules.ts) speaks the file's English. */
export const nl = {
  'campaign.problem.schedule': 'Schrijf wanneer de tip gaat. Bijvoorbeeld: “elke dinsdag om 07:00” of “elke werkdag om 9:30”.',
  'campaign.problem.key_taken': 'Deze code is al in gebruik. Kies een andere.',
  'campaign.problem.weeks': 'Vul een aantal weken in van 0 tot 52.',
  'campaign.problem.empty': 'Dit veld is leeg.',
  'campaign.problem.too_long': 'Dit is te lang.',
  'campaign.problem.placeholder': 'Alleen {count} en {name} kun je invullen tussen haakjes.',
  'campaign.problem.key': 'Gebruik letters, cijfers, - en _ (hoogstens 63 tekens).',
  'campaign.problem.hours': 'Schrijf een tijd van tot, zoals 07:00-15:00.',
  'campaign.problem.date': 'Schrijf een datum zoals 2027-03-01.',
  'campaign.problem.end_before_start': 'De einddatum moet na de begindatum liggen.',
  'campaign.problem.b1': 'Dit is geen eenvoudig Nederlands (B1). Kijk bij de taalcheck wat je korter kunt maken.',
  'campaign.problem.count_action': '{count} past alleen bij de knop “workshops”.',
  'campaign.problem.organization': 'Deze organisatie kennen we niet.',
  'campaign.problem.team': 'Schrijf leidinggevenden met hun e-mailadres.',
};

export const en: Record<keyof typeof nl, string> = {
  'campaign.problem.schedule': 'Write when, such as “every Tuesday at 07:00”, “every weekday at 9:30” or “every month on the 3rd at 09:00”.',
  'campaign.problem.key_taken': 'This code is already in use. Choose another one.',
  'campaign.problem.weeks': 'Fill in a number of weeks from 0 to 52.',
  'campaign.problem.empty': 'This field is empty.',
  'campaign.problem.too_long': 'This is too long.',
  'campaign.problem.placeholder': 'Only {count} and {name} can be filled in between braces.',
  'campaign.problem.key': 'Use letters, digits, - and _ (at most 63 characters).',
  'campaign.problem.hours': 'Write a time from and to, such as 07:00-15:00.',
  'campaign.problem.date': 'Write a date such as 2027-03-01.',
  'campaign.problem.end_before_start': 'The end date must be after the start date.',
  'campaign.problem.b1': 'This is not plain Dutch (B1). See the language check for what to make shorter.',
  'campaign.problem.count_action': '{count} only fits the “workshops” button.',
  'campaign.problem.organization': 'We do not know this organisation.',
  'campaign.problem.team': 'Write team leaders by their e-mail address.',
};

export type CampaignFormKey = keyof typeof nl;
export const texts: Texts<CampaignFormKey> = { nl, en };
export const translator = translatorFor(texts);

import type { Locale } from '../messages.js';
import * as broadcasts from '../broadcasts/texts.js';
import { en as commonEn } from './en.js';
import * as klussen from '../klussen/texts.js';
import { nl as commonNl } from './nl.js';
import * as nudges from '../nudges/texts.js';
import * as privacy from '../privacy/texts.js';
import * as reflection from '../reflection/texts.js';
import * as workshops from '../workshops/texts.js';

// One catalogue per feature keeps parallel work apart; together they form one key space.
const nl = { ...commonNl, ...workshops.nl, ...klussen.nl, ...reflection.nl, ...privacy.nl, ...broadcasts.nl, ...nudges.nl };
const en = { ...commonEn, ...workshops.en, ...klussen.en, ...reflection.en, ...privacy.en, ...broadcasts.en, ...nudges.en };

export type MessageKey = keyof typeof nl;

export const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type Params = Record<string, string | number>;

/** The text for `key` in `locale`, with `{name}` placeholders filled in. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export const translator = (locale: Locale): Translate => (key, params) => t(locale, key, params);

import type { Locale } from '../messages.js';
import { en } from './en.js';
import { nl, type CommonKey } from './nl.js';

export type { CommonKey } from './nl.js';

export type Params = Record<string, string | number>;

/** A feature's texts: every Dutch key has its English twin (the type of `en` enforces it). */
export interface Texts<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

export type Translate<K extends string = CommonKey> = (key: K, params?: Params) => string;

/** The texts every feature may use: help, errors, paging, settings. */
export const commonTexts: Texts<CommonKey> = { nl, en };

/** `{name}` placeholders filled in; an unknown one is left as it is, so a missing parameter shows. */
export const fill = (template: string, params: Params = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** Several features' texts as one, for a view that shows another feature's items (a nudge listing workshops). */
export function mergeTexts<A extends string, B extends string>(a: Texts<A>, b: Texts<B>): Texts<A | B> {
  return { nl: { ...a.nl, ...b.nl }, en: { ...a.en, ...b.en } } as Texts<A | B>;
}

/** A translator over a feature's own texts and the common ones. */
export function translatorFor<K extends string>(texts: Texts<K>): (locale: Locale) => Translate<K | CommonKey> {
  const merged = mergeTexts(commonTexts, texts);
  return (locale) => (key, params) => fill(merged[locale][key], params);
}

/** The common texts only: the router, the channels' own words and errors. */
export const translator = translatorFor<CommonKey>(commonTexts);

export function t(locale: Locale, key: CommonKey, params: Params = {}): string {
  return translator(locale)(key, params);
}

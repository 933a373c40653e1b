import type { Locale } from '../messages.js';
import { en } from './en.js';
import { applyPlurals, formatNumber } from './plural.js';
import { nl, type CommonKey } from './nl.js';

export type { CommonKey } from './nl.js';
export { formatNumber, formatPercent } from './plural.js';

export type Params = Record<string, string | number>;

/** A feature's texts: every Dutch key has its English twin (the type of `en` enforces it). */
export interface Texts<K extends string> {
  nl: Record<K, string>;
  en: Record<K, string>;
}

export type Translate<K extends string = CommonKey> = (key: K, params?: Params) => string;

/** The texts every feature may use: help, errors, paging, settings. */
export const commonTexts: Texts<CommonKey> = { nl, en };

/**
 * `{name}` placeholders filled in; an unknown one is left as it is, so a missing parameter shows. With a locale,
 * `{count, plural, one {…} other {…}}` picks the form (see plural.ts) and fractions get that language's format.
 */
export const fill = (template: string, params: Params = {}, locale?: Locale) => {
  const withPlurals = locale ? applyPlurals(template, params, locale) : template;
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const v = params[name]!;
    return typeof v === 'number' && locale ? formatNumber(v, locale) : String(v);
  });
};

/** Several features' texts as one, for a view that shows another feature's items (a nudge listing workshops). */
export function mergeTexts<A extends string, B extends string>(a: Texts<A>, b: Texts<B>): Texts<A | B> {
  return { nl: { ...a.nl, ...b.nl }, en: { ...a.en, ...b.en } } as Texts<A | B>;
}

/** A translator over a feature's own texts and the common ones. */
export function translatorFor<K extends string>(texts: Texts<K>): (locale: Locale) => Translate<K | CommonKey> {
  const merged = mergeTexts(commonTexts, texts);
  return (locale) => (key, params) => fill(merged[locale][key], params, locale);
}

/** The common texts only: the router, the channels' own words and errors. */
export const translator = translatorFor<CommonKey>(commonTexts);

export function t(locale: Locale, key: CommonKey, params: Params = {}): string {
  return translator(locale)(key, params);
}

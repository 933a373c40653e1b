import type { Locale } from '../messages.js';
import { en } from './en.js';
import { nl, type MessageKey } from './nl.js';

export type { MessageKey };

export const catalogues: Record<Locale, Record<MessageKey, string>> = { nl, en };

export type Params = Record<string, string | number>;

/** The text for `key` in `locale`, with `{name}` placeholders filled in. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export const translator = (locale: Locale): Translate => (key, params) => t(locale, key, params);

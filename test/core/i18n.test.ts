import { describe, expect, it } from 'vitest';
import { catalogues, type TextKey } from '../../src/app.js';
import type { Params } from '../../src/core/i18n/index.js';
import { translator, type MessageKey } from '../../src/core/workshops/texts.js';

const t = (locale: 'nl' | 'en', key: MessageKey, params: Params) => translator(locale)(key, params);

// A plural (`{count, plural, one {…} other {…}}`) uses its parameter like `{count}`; its forms are text, not parameters.
const PLURAL = /\{(\w+), plural,(?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+\s*\}/g;
const placeholders = (s: string) => [...new Set([...s.replace(PLURAL, '{$1}').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('i18n catalogue', () => {
  it('has every key in Dutch and English, non-empty, with the same placeholders', () => {
    const nl = Object.keys(catalogues.nl).sort();
    const en = Object.keys(catalogues.en).sort();
    expect(en).toEqual(nl);
    for (const key of nl) {
      const a = catalogues.nl[key as TextKey];
      const b = catalogues.en[key as TextKey];
      expect(a.trim(), key).not.toBe('');
      expect(b.trim(), key).not.toBe('');
      expect(placeholders(b), key).toEqual(placeholders(a));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('nl', 'workshops.signed_up', { title: 'Excel' })).toBe('Je bent aangemeld voor “Excel”. Tot dan!');
    expect(t('en', 'workshops.signed_up', {})).toContain('{title}');
  });
});

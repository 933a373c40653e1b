import type { Locale } from '../messages.js';

/**
 * Plurals and numbers in catalogue texts, ICU style so translators know it:
 * `{count, plural, one {# collega krijgt} other {# collega’s krijgen}} dit bericht.` (`=0 {…}` also works).
 * The form is chosen with Intl.PluralRules for the person's language; `#` is the number in their format.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

const intl = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

const rules = { nl: new Intl.PluralRules('nl-NL'), en: new Intl.PluralRules('en-GB') };

/** A number as the person writes it: "12,5" in Dutch, "12.5" in English. Whole numbers stay as they are (years, codes). */
export function formatNumber(n: number, locale: Locale): string {
  if (Number.isInteger(n)) return String(n);
  return new Intl.NumberFormat(intl(locale), { maximumFractionDigits: 1 }).format(n);
}

/** A share as "12,5%" / "12.5%". */
export const formatPercent = (n: number, locale: Locale) => `${formatNumber(n, locale)}%`;

export function applyPlurals(template: string, params: Record<string, string | number>, locale: Locale): string {
  return template.replace(PLURAL, (whole, name: string, branches: string) => {
    const raw = params[name];
    const n = typeof raw === 'number' ? raw : Number(raw);
    if (raw === undefined || Number.isNaN(n)) return whole;
    const forms = new Map<string, string>();
    for (const m of branches.matchAll(BRANCH)) forms.set(m[1]!, m[2]!);
    const form = forms.get(`=${n}`) ?? forms.get(rules[locale].select(n)) ?? forms.get('other') ?? '';
    return form.replace(/#/g, formatNumber(n, locale));
  });
}

/** The `other` form of every plural: what a reader of the catalogue (the B1 check) should judge. */
export const otherForms = (template: string) =>
  template.replace(PLURAL, (_whole, _name: string, branches: string) => {
    for (const m of branches.matchAll(BRANCH)) if (m[1] === 'other') return m[2]!.replace(/#/g, '12');
    return '';
  });

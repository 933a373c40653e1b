import { B1_LIMITS } from '../../../core/language/b1.js';
import { checkPlainLanguage, type PlainLanguageCheck } from '../../../core/language/plain-language.js';
import type { Locale } from '../../../core/messages.js';
import { html, type Html } from '../html.js';
import type { PageCtx } from './broadcast-pages.js';
import { commsTranslator } from './texts.js';
import { languagePanel, select, textArea, type Values } from './widgets.js';

export const LANGUAGE = '/beheer/plain-language';

/** Any text HR writes for employees (a prompt, a message): checked against the B1 rules, on the page. */
export function languagePage(c: PageCtx, values: Values): Html {
  const t = commsTranslator(c.locale);
  const text = String(values.text ?? '');
  const locale: Locale = values.locale === 'en' ? 'en' : 'nl';
  const result: PlainLanguageCheck | null = text.trim() ? checkPlainLanguage(text, locale) : null;
  return html`<p>${t('l.intro')}</p>
<form method="post" action="${LANGUAGE}" class="stack" novalidate>
${c.csrf}
${textArea(values, 'text', t('l.field_text'), { rows: 8, check: locale, maxLength: 5000 })}
${select({ locale }, 'locale', t('l.field_locale'), [{ value: 'nl', label: t('lang.nl') }, { value: 'en', label: t('lang.en') }])}
<button type="submit" class="button primary">${t('l.check')}</button>
</form>
${languagePanel(t, result, 'text')}
<p class="hint">${t('l.rules', { words: B1_LIMITS.maxWordsPerSentence, letters: B1_LIMITS.maxWordLength })}</p>`;
}

/** The JSON the static script asks for while HR types: the same check, as data. */
export const languageJson = (text: string, locale: Locale, uiLocale: Locale) => {
  const c = checkPlainLanguage(text.slice(0, 5000), locale);
  return { ...c, html: languagePanel(commsTranslator(uiLocale), text.trim() ? c : null, 'text').value };
};

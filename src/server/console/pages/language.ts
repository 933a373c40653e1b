import { addPageTexts } from '../../../core/console/page-texts.js';
import { page, type PageModule } from '../page.js';
import { LANGUAGE, languageJson, languagePage } from '../comms/language-page.js';
import { json, pageCtx, withAssets } from '../comms/page-context.js';
import { commsTexts, commsTranslator } from '../comms/texts.js';

addPageTexts({ nl: { 'nav.language': commsTexts.nl['nav.language'] }, en: { 'nav.language': commsTexts.en['nav.language'] } });

/** HR: the plain-language check for any text for employees (prompts too), and its JSON for the live check. */
export const languageCheckPage: PageModule = {
  nav: { href: LANGUAGE, label: 'nav.language', right: 'language' },
  routes: [
    { method: 'GET', path: '/plain-language', right: 'language', handler: async (ctx) => page(commsTranslator(ctx.locale)('l.title'), withAssets(languagePage(pageCtx(ctx), {})), LANGUAGE) },
    { method: 'POST', path: '/plain-language', right: 'language', handler: async (ctx) => page(commsTranslator(ctx.locale)('l.title'), withAssets(languagePage(pageCtx(ctx), ctx.form)), LANGUAGE) },
    {
      method: 'POST', path: '/plain-language.json', right: 'language',
      handler: async (ctx) => json(languageJson(ctx.form.text ?? '', ctx.form.locale === 'en' ? 'en' : 'nl', ctx.locale)),
    },
  ],
};

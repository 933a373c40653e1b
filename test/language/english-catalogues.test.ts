import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/app.js';
import { dutchWordsIn } from '../support/dutch-words.js';

const json = (p: string) => JSON.parse(readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8')) as unknown;

/** Every English text the product ships: the catalogues of all features, the prompt library, programmes, campaigns. */
function englishTexts(): [string, string][] {
  const texts: [string, string][] = Object.entries(catalogues.en).map(([k, v]) => [`i18n ${k}`, v]);
  for (const p of json('src/core/reflection/prompts.json') as { key: string; en: string; followUp?: { en: string } }[]) {
    texts.push([`prompt ${p.key}`, p.en]);
    if (p.followUp) texts.push([`prompt ${p.key} follow-up`, p.followUp.en]);
  }
  for (const prog of json('src/core/reflection/programmes.json') as { key: string; description: { en: string }; steps: { title: { en: string } }[] }[]) {
    texts.push([`programme ${prog.key}`, prog.description.en]);
    for (const [i, s] of prog.steps.entries()) texts.push([`programme ${prog.key} step ${i + 1}`, s.title.en]);
  }
  for (const c of json('seed/demo/campaigns.json') as { key: string; variants: { key: string; en?: { text: string; button: string } }[] }[]) {
    for (const v of c.variants) if (v.en) texts.push([`campaign ${c.key} ${v.key}`, v.en.text], [`campaign ${c.key} ${v.key} button`, v.en.button]);
  }
  return texts;
}

describe('no Dutch in English texts', () => {
  it('the catalogues, prompts, programmes and campaigns in English contain no Dutch words', () => {
    const found = englishTexts()
      .map(([where, text]) => [where, dutchWordsIn(text)] as const)
      .filter(([, words]) => words.length > 0)
      .map(([where, words]) => `${where}: ${words.join(', ')}`);
    expect(found).toEqual([]);
  });

  it('the word list finds Dutch and leaves English alone', () => {
    expect(dutchWordsIn('Bekijk het programma (mag leeg)')).toEqual(['bekijk', 'het', 'programma', 'mag', 'leeg']);
    expect(dutchWordsIn('We see the workshop is in the dossier, even later this week.')).toEqual([]);
    expect(dutchWordsIn('Signed up for “Privacy in je werk”', ['Privacy in je werk'])).toEqual([]);
  });
});

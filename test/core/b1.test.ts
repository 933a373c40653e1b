import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../src/app.js';
import { B1_LIMITS, checkB1 } from '../../src/core/language/b1.js';

const json = (p: string) => JSON.parse(readFileSync(new URL(`../../src/core/reflection/${p}`, import.meta.url), 'utf8')) as unknown;

/** Every Dutch text a person can get: the catalogue, the prompt library, the programmes and the example nudges. */
function dutchTexts(): [string, string][] {
  const texts: [string, string][] = Object.entries(catalogues.nl).map(([k, v]) => [`i18n ${k}`, v]);
  for (const p of json('prompts.json') as { key: string; nl: string; followUp?: { nl: string } }[]) {
    texts.push([`prompt ${p.key}`, p.nl]);
    if (p.followUp) texts.push([`prompt ${p.key} follow-up`, p.followUp.nl]);
  }
  for (const prog of json('programmes.json') as { key: string; description: { nl: string }; steps: { title: { nl: string } }[] }[]) {
    texts.push([`programme ${prog.key}`, prog.description.nl]);
    for (const [i, s] of prog.steps.entries()) texts.push([`programme ${prog.key} step ${i + 1}`, s.title.nl]);
  }
  // Nudge texts are written by HR in a campaign file; the import refuses Dutch that fails this check, and the
  // shipped example campaigns must pass it too.
  const campaigns = JSON.parse(readFileSync(new URL('../../seed/demo/campaigns.json', import.meta.url), 'utf8')) as {
    key: string;
    variants: { key: string; nl: { text: string; button: string } }[];
  }[];
  for (const c of campaigns) {
    for (const v of c.variants) texts.push([`campaign ${c.key} ${v.key}`, v.nl.text], [`campaign ${c.key} ${v.key} button`, v.nl.button]);
  }
  return texts;
}

describe('plain Dutch (B1)', () => {
  it('flags long sentences, long words and texts full of long words', () => {
    expect(checkB1('Je bent aangemeld. Tot dan!')).toEqual([]);
    expect(checkB1('Dit is een zin met veel te veel woorden, want hij gaat maar door en door en houdt niet op.')[0]?.kind).toBe('long-sentence');
    expect(checkB1('Lees de arbeidsvoorwaardenregeling.')[0]).toEqual({ kind: 'long-word', detail: 'arbeidsvoorwaardenregeling' });
    expect(checkB1('Implementatie procesoptimalisatie stakeholdermanagement beleidsvorming kaderstelling en verantwoording van prestaties')
      .some((f) => f.kind === 'many-long-words')).toBe(true);
    expect(B1_LIMITS.maxWordsPerSentence).toBe(15);
  });

  it('holds for every Dutch text a person can get', () => {
    const texts = dutchTexts();
    expect(texts.length).toBeGreaterThan(200);
    const failing = texts.map(([name, text]) => [name, checkB1(text)] as const).filter(([, f]) => f.length > 0);
    expect(failing).toEqual([]);
  });
});

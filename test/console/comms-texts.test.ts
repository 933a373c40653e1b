import { describe, expect, it } from 'vitest';
import { checkB1 } from '../../src/core/language/b1.js';
import { texts as campaignFormTexts } from '../../src/core/nudges/campaign-form-texts.js';
import { commsTexts } from '../../src/server/console/comms/texts.js';

describe('the words of the broadcast, campaign and language-check pages', () => {
  const catalogues = [commsTexts, campaignFormTexts];

  it('are plain Dutch (B1), by the same rules as the bot’s own texts', () => {
    const failing = catalogues.flatMap((c) => Object.entries(c.nl).filter(([, text]) => checkB1(text).length > 0).map(([key, text]) => `${key}: ${text}`));
    expect(failing).toEqual([]);
  });

  it('have an English twin for every Dutch text, with the same placeholders', () => {
    for (const c of catalogues) {
      for (const [key, nl] of Object.entries(c.nl)) {
        const en = (c.en as Record<string, string>)[key];
        expect(en, key).toBeTruthy();
        const names = (s: string) => [...s.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort();
        expect(names(en!), key).toEqual(names(nl));
      }
    }
  });
});

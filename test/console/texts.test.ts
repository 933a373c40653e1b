import { describe, expect, it } from 'vitest';
import { checkB1 } from '../../src/core/language/b1.js';
import { pageTexts } from '../../src/core/console/page-texts.js';

describe('console texts', () => {
  it('every Dutch text has its English twin', () => {
    expect(Object.keys(pageTexts.en).sort()).toEqual(Object.keys(pageTexts.nl).sort());
    for (const [k, v] of Object.entries(pageTexts.en)) expect(v.trim(), k).not.toBe('');
  });

  it('the sentences are plain Dutch (B1)', () => {
    const problems = Object.entries(pageTexts.nl)
      .map(([k, v]) => [k, checkB1(v)] as const)
      .filter(([, f]) => f.length > 0);
    expect(problems).toEqual([]);
  });
});

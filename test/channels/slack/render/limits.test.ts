import { describe, expect, it } from 'vitest';
import { coreAction } from '../../../../src/channels/slack/render/action-ids.js';
import { LIMITS } from '../../../../src/channels/slack/render/limits.js';
import { renderMessage, renderViewBlocks } from '../../../../src/channels/slack/render/message.js';
import type { Block, Button, Message } from '../../../../src/core/messages.js';
import { buttonsIn } from '../support/slack-requests.js';

const x = (n: number, c = 'x') => c.repeat(n);
const item = (i: number, buttons: Button[] = [{ action: 'workshop.signup', value: `{"w":"${i}"}`, label: 'Aanmelden' }]): Block => ({
  type: 'item',
  title: `Workshop ${i}`,
  text: 'Beschrijving',
  fields: [{ label: 'Wanneer', value: 'di 16 mrt' }],
  buttons,
});
const msg = (blocks: Block[]): Message => ({ text: 'tekst', blocks });
/** The parts of rendered Slack blocks these tests read. */
interface Shape {
  type: string;
  text: { text: string };
  fields: { text: string }[];
  elements: { text: string }[];
  alt_text: string;
}
const one = (blocks: Block[]) => {
  const pages = renderMessage(msg(blocks), 'nl');
  expect(pages).toHaveLength(1);
  return pages[0]!.blocks as unknown as Shape[];
};
const texts = (v: unknown): string[] =>
  v && typeof v === 'object'
    ? Object.entries(v).flatMap(([k, val]) => (k === 'text' && typeof val === 'string' ? [val] : texts(val)))
    : [];

describe('Block Kit limits', () => {
  it(`at most ${LIMITS.messageBlocks} blocks per message: a long list continues in the next message, nothing lost`, () => {
    const pages = renderMessage(msg(Array.from({ length: 40 }, (_, i) => item(i))), 'nl');
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
    const all = pages.flatMap((p) => p.blocks);
    expect(buttonsIn(all)).toHaveLength(40);
    // Every item's section is followed by its own buttons on the same page.
    for (const p of pages) expect((p.blocks.at(-1) as { type: string }).type).toBe('actions');
  });

  it(`at most ${LIMITS.viewBlocks} blocks per view, with a note where the rest is`, () => {
    const blocks = renderViewBlocks(msg(Array.from({ length: 70 }, (_, i) => item(i))), 'nl');
    expect(blocks.length).toBeLessThanOrEqual(LIMITS.viewBlocks);
    expect(JSON.stringify(blocks.at(-1))).toContain('Niet alles past hier');
    expect(renderViewBlocks(msg(Array.from({ length: 70 }, (_, i) => item(i))), 'en').at(-1)).toMatchObject({
      elements: [{ text: expect.stringContaining('Not everything fits here') }],
    });
  });

  it(`header text at most ${LIMITS.headerText} characters`, () => {
    const [h] = one([{ type: 'header', text: x(400) }]);
    expect(h!.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(h!.text.text.endsWith('…')).toBe(true);
  });

  it(`section text at most ${LIMITS.sectionText} characters: long text is split, not cut`, () => {
    const long = Array.from({ length: 400 }, (_, i) => `regel ${i} met wat woorden`).join('\n');
    const blocks = one([{ type: 'text', text: long }]);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(blocks.map((b) => b.text.text).join('\n')).toBe(long);
  });

  it('text full of escaped characters still fits', () => {
    for (const b of one([{ type: 'text', text: x(5000, '<') }])) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  });

  it(`at most ${LIMITS.sectionFields} fields of ${LIMITS.fieldText} characters per section`, () => {
    const fields = Array.from({ length: 23 }, (_, i) => ({ label: `veld ${i}`, value: x(3000) }));
    const blocks = one([{ type: 'fields', fields }, { ...(item(1) as object), fields } as Block]);
    for (const b of blocks.filter((b) => b.fields)) {
      expect(b.fields.length).toBeLessThanOrEqual(LIMITS.sectionFields);
      for (const f of b.fields) expect(f.text.length).toBeLessThanOrEqual(LIMITS.fieldText);
    }
    expect(blocks.flatMap((b) => b.fields ?? [])).toHaveLength(46);
  });

  it(`button label at most ${LIMITS.buttonText} characters`, () => {
    const [b] = buttonsIn(one([{ type: 'actions', buttons: [{ action: 'a', value: 'v', label: x(200) }] }]));
    expect(b!.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
  });

  it(`button value at most ${LIMITS.buttonValue} characters: a value that does not fit leaves the button out (data is never cut)`, () => {
    const blocks = one([{ type: 'actions', buttons: [{ action: 'ok', value: x(LIMITS.buttonValue), label: 'ok' }, { action: 'big', value: x(LIMITS.buttonValue + 1), label: 'te groot' }] }]);
    expect(buttonsIn(blocks).map((b) => b.action_id)).toEqual(['ok']);
    expect(buttonsIn(blocks)[0]!.value).toHaveLength(LIMITS.buttonValue);
  });

  it('unique action ids within a message, that map back to the core action', () => {
    const pages = renderMessage(msg([...Array.from({ length: 5 }, (_, i) => item(i)), { type: 'actions', buttons: [{ action: 'workshop.signup', value: 'x', label: 'nog een' }] }]), 'nl');
    const ids = buttonsIn(pages[0]!.blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.map(coreAction)).toEqual(Array(6).fill('workshop.signup'));
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.actionId);
  });

  it(`at most ${LIMITS.actionsElements} buttons per actions block`, () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ action: `a${i}`, value: 'v', label: `k${i}` }));
    const blocks = one([{ type: 'actions', buttons }]);
    for (const b of blocks) expect(b.elements.length).toBeLessThanOrEqual(LIMITS.actionsElements);
    expect(buttonsIn(blocks)).toHaveLength(30);
  });

  it('confirm dialogs within their limits', () => {
    const [b] = buttonsIn(one([{ type: 'actions', buttons: [{ action: 'c', value: 'v', label: 'Afmelden', style: 'danger', confirm: { title: x(300), text: x(900), yes: x(90), no: x(90) } }] }]));
    const c = (b as unknown as { confirm: Record<string, { text: string }> }).confirm;
    expect(c.title!.text.length).toBeLessThanOrEqual(LIMITS.confirmTitle);
    expect(c.text!.text.length).toBeLessThanOrEqual(LIMITS.confirmText);
    expect(c.confirm!.text.length).toBeLessThanOrEqual(LIMITS.confirmButton);
    expect(c.deny!.text.length).toBeLessThanOrEqual(LIMITS.confirmButton);
  });

  it(`context text at most ${LIMITS.contextText} characters and message text at most ${LIMITS.messageText}`, () => {
    const pages = renderMessage({ text: x(50_000), blocks: [{ type: 'context', text: x(9000) }] }, 'nl');
    expect(pages[0]!.text.length).toBeLessThanOrEqual(LIMITS.messageText);
    expect((pages[0]!.blocks[0] as unknown as Shape).elements[0]!.text.length).toBeLessThanOrEqual(LIMITS.contextText);
  });

  it('no text object is ever empty (Slack rejects empty text)', () => {
    const blocks = one([{ type: 'header', text: '' }, { type: 'text', text: '' }, { type: 'actions', buttons: [{ action: 'a', value: '', label: '' }] }]);
    for (const t of texts(blocks)) expect(t.length).toBeGreaterThan(0);
    expect(buttonsIn(blocks)[0]).not.toHaveProperty('value');
  });

  it('a message without blocks still shows its text', () => {
    expect(one([])).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'tekst', verbatim: true } }]);
  });

  it('leaves out images and link buttons whose address Slack would refuse', () => {
    const blocks = one([
      { type: 'image', url: 'javascript:alert(1)', alt: 'x' },
      { type: 'image', url: `https://x.nl/${x(3000)}`, alt: 'x' },
      { type: 'image', url: 'https://x.nl/a.png', alt: x(3000) },
      { type: 'actions', buttons: [{ action: 'l', value: '', label: 'link', url: 'ftp://x' }] },
    ]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.alt_text.length).toBeLessThanOrEqual(LIMITS.imageAlt);
  });
});

import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../../../src/channels/slack/incoming-text.js';
import { renderMessage } from '../../../../src/channels/slack/render/message.js';
import { clip, escapeText, safeMrkdwn } from '../../../../src/channels/slack/render/text.js';

const injected = 'Hoi <!channel> en <@U999>, kijk op <https://evil.example|de bank> & *vet* _schuin_ ~weg~ `code`';

describe('escaping: user text cannot mention, link or format', () => {
  it('escapes &, < and > in every text of a rendered message', () => {
    const [m] = renderMessage(
      {
        text: injected,
        blocks: [
          { type: 'header', text: injected },
          { type: 'text', text: injected },
          { type: 'context', text: injected },
          { type: 'item', title: injected, text: injected, fields: [{ label: injected, value: injected }], buttons: [{ action: 'a', value: 'v', label: injected, confirm: { title: injected, text: injected, yes: 'ja', no: 'nee' } }] },
        ],
      },
      'nl',
    );
    const json = JSON.stringify(m);
    expect(json).not.toMatch(/<!channel>|<@U999>/);
    // The only angle brackets left are links we made from bare addresses: no label can hide where they go.
    for (const link of json.match(/<[^<>]*>/g) ?? []) expect(link).toMatch(/^<https?:\/\/[^|]+>$/);
    expect(json).not.toContain('|de bank>');
    expect(json).toContain('&lt;!channel&gt;');
    expect(json).toContain('&lt;@U999&gt;');
    expect(json).toContain('&amp;');
  });

  it('neutralises mrkdwn formatting in text but keeps the words', () => {
    const out = safeMrkdwn('*vet* _schuin_ ~weg~ `code`');
    expect(out).not.toMatch(/[*_~`]/);
    expect(out.replace(/[^a-z ]/g, '')).toBe('vet schuin weg code');
  });

  it('still makes web addresses links (made by us, so they cannot hide a target)', () => {
    expect(safeMrkdwn('Link: https://meet.example/abc_def?x=1&y=2 tot zo')).toBe('Link: <https://meet.example/abc_def?x=1&amp;y=2> tot zo');
  });

  it('never cuts inside an entity or a link', () => {
    expect(clip(escapeText('a&b'), 4)).toBe('a…');
    const [m] = renderMessage({ text: 't', blocks: [{ type: 'context', text: `${'x'.repeat(1990)} https://example.org/${'y'.repeat(50)}` }] }, 'nl');
    const text = (m!.blocks[0] as { elements: { text: string }[] }).elements[0]!.text;
    expect(text).not.toMatch(/<[^>]*$/);
  });
});

describe('what people type in Slack, as the core reads it', () => {
  it.each([
    ['workshops excel &amp; word', 'workshops excel & word'],
    ['reflectie: 3 &lt; 4 &gt; 2', 'reflectie: 3 < 4 > 2'],
    ['zie <https://x.nl/a|x.nl/a>', 'zie x.nl/a'],
    ['mail <mailto:a@b.nl|a@b.nl>', 'mail a@b.nl'],
    ['in <#C123|algemeen>', 'in #algemeen'],
    ['<!here> help', 'help'],
    ['<@UBOT> workshops', '<@UBOT> workshops'],
  ])('%s → %s', (slack, core) => {
    expect(fromSlackText(slack)).toBe(core);
  });
});

import type { types } from '@slack/bolt';

/**
 * Slack reads `&`, `<` and `>` as control characters (`<@U123>` is a mention, `<!channel>` pings everyone,
 * `<https://x|y>` is a link). Escaping them makes user text show as typed, in every text object.
 */
export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * In mrkdwn, `*`, `_`, `~` and backticks format text and Slack has no escape for them; look-alike characters
 * keep a title such as `*gratis*` from restyling the message.
 */
export const neutraliseFormatting = (s: string) =>
  s.replace(/\*/g, '∗').replace(/_/g, 'ˍ').replace(/~/g, '∼').replace(/`/g, 'ˋ');

/** Cuts text to `max` UTF-16 units with an ellipsis, never inside an entity or a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  cut = cut.replace(/&[a-z]*$/, '');
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Plain text for a Slack text object: escaped and clipped (Slack rejects empty text, hence the space). */
export const plain = (s: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: clip(escapeText(s), max) || ' ',
  emoji: true,
});

const URL_RE = /https?:\/\/[^\s<>|"]+/g;

/**
 * Neutral text as mrkdwn: escaped and unformatted, with web addresses turned into links by us. `verbatim`
 * stops Slack from parsing words itself (bare `@here`, channel names) — only links we made are links.
 */
export function safeMrkdwn(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(URL_RE)) {
    out += escapeText(neutraliseFormatting(s.slice(last, m.index)));
    out += `<${escapeText(m[0])}>`;
    last = m.index + m[0].length;
  }
  return out + escapeText(neutraliseFormatting(s.slice(last)));
}

/** Cuts mrkdwn without leaving a half link (`<https://…`) behind. */
export function clipMrkdwn(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = clip(s, max);
  const open = cut.lastIndexOf('<');
  return open > cut.lastIndexOf('>') ? `${cut.slice(0, open)}…` : cut;
}

export const mrkdwn = (text: string, max: number): types.MrkdwnElement => ({
  type: 'mrkdwn',
  text: clipMrkdwn(text, max) || ' ',
  verbatim: true,
});

import type { ChannelUser } from '../people/person.js';
import type { ActionInput } from '../feature.js';

// C0 controls and DEL, except tab, newline and carriage return (which people do type).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
// Half a surrogate pair is not a character: UTF-8 cannot carry it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from a chat platform as the core may store and show it. PostgreSQL refuses NUL in text (a query with one
 * fails), and bells, escapes and backspaces are never meant; what people type (emoji, RTL, markup) stays as is.
 */
export const cleanText = (s: string): string => String(s).replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');

const cleanJson = (v: unknown): unknown =>
  typeof v === 'string'
    ? cleanText(v)
    : Array.isArray(v)
      ? v.map(cleanJson)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [cleanText(k), cleanJson(x)]))
        : v;

/** A button value; one that carries JSON (a list's state) may hide a NUL as `\u0000`, so its strings are cleaned too. */
function cleanValue(value: string): string {
  const text = cleanText(value);
  if (!/^\s*[[{"]/.test(text)) return text;
  try {
    return JSON.stringify(cleanJson(JSON.parse(text)));
  } catch {
    return text;
  }
}

/** A click or form submission with every value cleaned (values and form fields come straight from the client). */
export function cleanAction(input: ActionInput): ActionInput {
  const form = input.form
    ? Object.fromEntries(Object.entries(input.form).map(([k, v]) => [cleanText(k), Array.isArray(v) ? v.map(cleanText) : cleanText(String(v))]))
    : undefined;
  return { ...input, action: cleanText(input.action), value: cleanValue(String(input.value ?? '')), ...(form ? { form } : {}) };
}

/** The platform's profile of a person: names and e-mail addresses are user-controlled too; ids are text, whatever came. */
export function cleanUser(user: ChannelUser): ChannelUser {
  const text = (v: string | undefined) => (v === undefined ? undefined : cleanText(v));
  const name = text(user.name);
  const email = text(user.email);
  return {
    ...user,
    userId: cleanText(user.userId),
    tenantId: cleanText(user.tenantId),
    ...(name !== undefined ? { name } : {}),
    ...(email !== undefined ? { email } : {}),
    // Stored as JSON (Teams' conversation reference carries the display name): jsonb refuses NUL and half pairs too.
    ...(user.conversationRef !== undefined ? { conversationRef: cleanJson(user.conversationRef) } : {}),
  };
}

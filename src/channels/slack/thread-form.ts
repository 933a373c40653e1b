import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Form } from '../../core/messages.js';
import { OPEN_FORM_ACTION } from './listeners/actions/open-form.js';
import { decodeForm } from './render/form-value.js';

const blocksSchema = z.array(z.object({ type: z.string(), elements: z.array(z.record(z.string(), z.unknown())).optional() }).passthrough());
const repliesSchema = z.object({
  messages: z.array(z.object({ ts: z.string().optional(), blocks: z.unknown().optional() }).passthrough()).optional(),
});

/**
 * The one form a message of the bot carries, when that form asks for one piece of text (a reflection question,
 * its follow-up): a reply in the message's thread is then that form's answer. Null for every other message.
 */
export function singleTextForm(blocks: unknown): Form | null {
  const parsed = blocksSchema.safeParse(blocks);
  if (!parsed.success) return null;
  const forms: Form[] = [];
  for (const block of parsed.data) {
    for (const el of block.elements ?? []) {
      if (el.type !== 'button' || typeof el.action_id !== 'string' || !OPEN_FORM_ACTION.test(el.action_id)) continue;
      const form = typeof el.value === 'string' ? decodeForm(el.value) : null;
      if (form) forms.push(form);
    }
  }
  const form = forms.length === 1 ? forms[0]! : null;
  if (!form || form.fields.length !== 1) return null;
  return form.fields[0]!.kind === 'text' || form.fields[0]!.kind === 'textarea' ? form : null;
}

/** The form of the message that opened a thread (`conversations.replies` lists the parent first; needs im:history). */
export async function threadForm(client: webApi.WebClient, channel: string, threadTs: string): Promise<Form | null> {
  const res = repliesSchema.safeParse(await client.conversations.replies({ channel, ts: threadTs, limit: 1, inclusive: true }));
  const parent = res.success ? res.data.messages?.find((m) => m.ts === threadTs) : undefined;
  return parent ? singleTextForm(parent.blocks) : null;
}

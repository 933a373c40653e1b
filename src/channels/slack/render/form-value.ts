import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { Form } from '../../../core/messages.js';
import { LIMITS } from './limits.js';

const fieldSchema = z.object({
  id: z.string().min(1).max(200),
  label: z.string(),
  kind: z.enum(['text', 'textarea', 'number', 'date', 'select', 'multiselect']),
  required: z.boolean(),
  placeholder: z.string().optional(),
  initial: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
});

const formSchema = z.object({
  id: z.string().min(1).max(200),
  value: z.string().optional(),
  title: z.string(),
  submitLabel: z.string(),
  fields: z.array(fieldSchema),
});

/**
 * The button that opens a form carries the form itself (compressed): the modal needs it at click time, and
 * the core has no way to ask for a form again. `null` when it does not fit Slack's 2,000-character value.
 */
export function encodeForm(form: Form): string | null {
  const packed = `z1.${deflateRawSync(Buffer.from(JSON.stringify(form))).toString('base64url')}`;
  return packed.length <= LIMITS.buttonValue ? packed : null;
}

/** The form in a button value, or null when the value was not made by `encodeForm` (or was tampered with). */
export function decodeForm(value: string): Form | null {
  if (!value.startsWith('z1.')) return null;
  try {
    const json = inflateRawSync(Buffer.from(value.slice(3), 'base64url'), { maxOutputLength: 256 * 1024 }).toString();
    const parsed = formSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as Form) : null;
  } catch {
    return null;
  }
}

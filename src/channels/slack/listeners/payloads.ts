import { z } from 'zod';

/** The parts of Slack payloads the listeners use; anything else in them is ignored. */

export const commandPayload = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  text: z.string().default(''),
  channel_id: z.string().optional(),
});

export const messageEvent = z.object({
  type: z.literal('message'),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().min(1),
  text: z.string().default(''),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  ts: z.string().optional(),
  /** Set on a reply in a thread: the ts of the message that opened it. */
  thread_ts: z.string().optional(),
});

export const homeOpenedEvent = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

/** Team of an event: `team_id` on the envelope, or the first authorisation's. */
export const eventEnvelope = z.object({ team_id: z.string().optional() });

export const blockActionPayload = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional(), name: z.string().optional(), username: z.string().optional() }),
  actions: z
    .array(z.object({ action_id: z.string().min(1), type: z.string().optional(), value: z.string().optional(), url: z.string().optional() }))
    .min(1),
  container: z
    .object({
      type: z.string(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .passthrough()
    .optional(),
  channel: z.object({ id: z.string() }).optional(),
  // `blocks`: the clicked message as Slack has it; checked where it is used (render/item-group.ts).
  message: z.object({ ts: z.string(), blocks: z.unknown().optional() }).passthrough().optional(),
  view: z.object({ type: z.string() }).passthrough().optional(),
  response_url: z.string().optional(),
  trigger_id: z.string().optional(),
});

export type BlockActionPayload = z.infer<typeof blockActionPayload>;

const stateValue = z
  .object({
    type: z.string().optional(),
    value: z.string().nullable().optional(),
    selected_date: z.string().nullable().optional(),
    selected_option: z.object({ value: z.string() }).nullable().optional(),
    selected_options: z.array(z.object({ value: z.string() })).optional(),
  })
  .passthrough();

export const viewSubmissionPayload = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string() }).nullable().optional(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional(), name: z.string().optional() }),
  view: z.object({
    callback_id: z.string(),
    private_metadata: z.string().default(''),
    state: z.object({ values: z.record(z.string(), z.record(z.string(), stateValue)) }),
  }),
});

export const formMeta = z.object({
  form: z.string().min(1),
  value: z.string().optional(),
  channel: z.string().optional(),
});

/** The workspace of an interaction: its team, the user's team, or what Bolt worked out from the payload. */
export const teamOf = (p: { team?: { id: string } | null; user: { team_id?: string | undefined } }, fallback?: string) =>
  p.team?.id ?? p.user.team_id ?? fallback ?? '';

/** The bot's DM with a person is an `im` channel, whose id starts with D. */
export const isDm = (channel: string | undefined): channel is string => !!channel && channel.startsWith('D');

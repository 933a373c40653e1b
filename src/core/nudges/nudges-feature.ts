import { z } from 'zod';
import { action, composer, values, type Feature } from '../feature.js';
import { nudgeKinds } from './outbox-kinds.js';
import type { NudgesDeps } from './deps.js';
import { translator } from './texts.js';
import { message, type Block, type Message, type Reply } from '../messages.js';
import { hasRole, type Actor } from '../people/person.js';
import { workshopItem } from '../workshops/render.js';
import { chooseWorkshops } from './choose.js';
import { campaignsMessage, setStatus } from './campaigns-message.js';
import { composeDigest, composeNudge, NUDGE_OPEN } from './compose.js';
import { nudgeSettings } from './nudge-service.js';
import { parseDimension, reportCsvMessage, reportMessage } from './report-message.js';

/** Runs a chat command as if the person typed it (a nudge's button for klussen or a reflection question). */
export type RunText = (actor: Actor, text: string) => Promise<Reply>;

const clickValue = z.object({ c: z.string().uuid() });

function hrOnly(actor: Actor, key: 'report.forbidden' | 'campaign.forbidden'): Reply | null {
  return hasRole(actor.person, 'HR') ? null : { messages: [message(translator(actor.locale)(key))] };
}

/** The workshops chosen for this person, each with its sign-up button. */
async function chosenWorkshops(ctx: NudgesDeps, actor: Actor): Promise<Message> {
  const tr = translator(actor.locale);
  const chosen = await chooseWorkshops(ctx.workshops, actor.person, ctx.clock.now());
  if (chosen.length === 0) return message(tr('nudge.workshops_none'));
  const blocks: Block[] = [{ type: 'header', text: tr('nudge.workshops_title') }];
  for (const w of chosen) blocks.push(workshopItem(w, tr, actor.locale, ctx.settings.timezone, ctx.settings.publicUrl, { q: '', o: 0 }));
  blocks.push({ type: 'context', text: tr('nudge.workshops_more') });
  return { text: tr('nudge.workshops_title'), blocks };
}

/**
 * Nudges: the opt-out words, the click on a nudge's button, HR's campaigns and report, and the texts of the
 * `nudge.` outbox kinds. Nothing here takes a person as input: every answer is about the one asking, or about
 * groups of at least MIN_GROUP.
 */
export function nudgesFeature(ctx: NudgesDeps, run: RunText): Feature {
  const optOut = async (actor: Actor, out: boolean): Promise<Reply> => {
    await ctx.nudges.setOptOut(actor.person.id, 'nudges', out);
    const tr = translator(actor.locale);
    return { messages: [message(out ? tr('nudge.opted_out') : tr('nudge.opted_in', { days: nudgeSettings(ctx).capDays }))] };
  };
  return {
    name: 'nudges',
    phrases: [
      ...['geen nudges', 'stop nudges', 'nudges uit', 'geen tips', 'no nudges', 'nudges off'].map((phrase) => ({ phrase, command: 'nudges.off' })),
      ...['nudges aan', 'wel nudges', 'nudges on', 'start nudges'].map((phrase) => ({ phrase, command: 'nudges.on' })),
      { phrase: 'campagnes', command: 'campaigns' },
      { phrase: 'campaigns', command: 'campaigns' },
      { phrase: 'rapport', command: 'report', takesArgs: true },
      { phrase: 'report', command: 'report', takesArgs: true },
    ],
    commands: {
      'nudges.off': (actor) => optOut(actor, true),
      'nudges.on': (actor) => optOut(actor, false),
      campaigns: async (actor) => hrOnly(actor, 'campaign.forbidden') ?? { messages: [await campaignsMessage(ctx, actor)] },
      report: async (actor, args) => hrOnly(actor, 'report.forbidden') ?? { messages: [await reportMessage(ctx, actor, parseDimension(args))] },
    },
    actions: [
      action(NUDGE_OPEN, values.json(clickValue), async (actor, { c: campaignId }) => {
        // Counted only when this person was sent a nudge of this campaign; the variant comes from that row.
        const click = await ctx.nudges.recordClick(actor.person.id, campaignId, ctx.clock.now());
        const c = await ctx.nudges.getCampaign(campaignId);
        const next = (c?.variants.find((v) => v.key === click?.variant) ?? c?.variants[0])?.action ?? 'workshops';
        if (next === 'klussen') return run(actor, 'klussen');
        if (next === 'reflectie') return run(actor, 'reflectie');
        return { messages: [await chosenWorkshops(ctx, actor)] };
      }),
      action('campaign.pause', values.token, async (actor, v) =>
        hrOnly(actor, 'campaign.forbidden') ?? { messages: [], update: await setStatus(ctx, actor, v, 'PAUSED') },
      ),
      action('campaign.resume', values.token, async (actor, v) =>
        hrOnly(actor, 'campaign.forbidden') ?? { messages: [], update: await setStatus(ctx, actor, v, 'ACTIVE') },
      ),
      action('report.view', values.token, async (actor, v) =>
        hrOnly(actor, 'report.forbidden') ?? { messages: [await reportMessage(ctx, actor, parseDimension(v))] },
      ),
      action('report.csv', values.token, async (actor, v) =>
        hrOnly(actor, 'report.forbidden') ?? { messages: [await reportCsvMessage(ctx, actor, parseDimension(v))] },
      ),
    ],
    help: (actor) => {
      const tr = translator(actor.locale);
      const hr = hasRole(actor.person, 'HR');
      return { lines: hr ? [tr('help.report')] : [], more: [...(hr ? [tr('help.campaigns')] : []), tr('help.nudges')] };
    },
    outbox: [
      composer(nudgeKinds.campaign, (payload, actor) => composeNudge(ctx, payload, actor)),
      composer(nudgeKinds.digest, (payload, actor) => composeDigest(ctx, payload, actor)),
    ],
  };
}

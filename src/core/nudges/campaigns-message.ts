import { scheduleInWords } from './schedule-words.js';
import type { NudgesDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator, type MessageKey, type Translate } from './texts.js';
import type { Block, Button, Locale, Message } from '../messages.js';
import type { Actor } from '../people/person.js';
import type { Campaign, CampaignStatus } from './campaign.js';

function targetText(c: Campaign, tr: Translate): string {
  const t = c.target;
  const parts = [...t.departments, ...t.educationLevels, ...t.roles.map((r) => r.toLowerCase())];
  if (t.organizations.length) parts.push(`${t.organizations.length}× ${tr('report.dimension.organization')}`);
  if (t.inactiveWeeks > 0) parts.push(tr('campaign.target_inactive', { weeks: t.inactiveWeeks }));
  if (t.hours) parts.push(t.hours);
  return parts.length ? parts.join(', ') : tr('campaign.target_all');
}

function campaignItem(c: Campaign, tr: Translate, locale: Locale): Block {
  const buttons: Button[] = [];
  if (c.status === 'ACTIVE') buttons.push({ action: 'campaign.pause', value: c.id, label: tr('campaign.button_pause') });
  else if (c.status !== 'ENDED') buttons.push({ action: 'campaign.resume', value: c.id, label: tr('campaign.button_resume'), style: 'primary' });
  return {
    type: 'item',
    title: c.name,
    text: c.key,
    fields: [
      { label: tr('campaign.field_status'), value: tr(`campaign.status.${c.status}` as MessageKey) },
      { label: tr('campaign.field_schedule'), value: scheduleInWords(c.schedule, locale) },
      { label: tr('campaign.field_target'), value: targetText(c, tr) },
      { label: tr('campaign.field_variants'), value: c.variants.map((v) => `${v.key}: ${v[locale].button}`).join(' / ') },
    ],
    buttons,
  };
}

/** HR's overview of the campaigns, each with a pause or start button. */
export async function campaignsMessage(ctx: NudgesDeps, actor: Actor, notice?: string): Promise<Message> {
  const tr = translator(actor.locale);
  const list = await ctx.nudges.listCampaigns();
  const blocks: Block[] = [{ type: 'header', text: tr('campaign.title') }];
  if (notice) blocks.push({ type: 'text', text: notice });
  if (list.length === 0) blocks.push({ type: 'text', text: tr('campaign.none') });
  for (const c of list) blocks.push(campaignItem(c, tr, actor.locale));
  return { text: notice ?? tr('campaign.title'), blocks };
}

/** Pauses or restarts a campaign; an ended campaign stays ended (its results are final). */
export async function setStatus(ctx: NudgesDeps, actor: Actor, id: string, status: CampaignStatus): Promise<Message> {
  const tr = translator(actor.locale);
  const c = await ctx.nudges.getCampaign(id);
  if (!c) throw new DomainError('not_found');
  if (c.status === 'ENDED') return campaignsMessage(ctx, actor, tr('campaign.ended', { name: c.name }));
  await ctx.nudges.setCampaignStatus(id, status, actor.person.id, ctx.clock.now());
  return campaignsMessage(ctx, actor, tr(status === 'PAUSED' ? 'campaign.paused' : 'campaign.resumed', { name: c.name }));
}

import { campaignValues, type FormValues } from '../../../core/nudges/campaign-editor.js';
import { DEFAULT_NUDGE_SETTINGS } from '../../../core/nudges/settings.js';
import type { Campaign } from '../../../core/nudges/campaign.js';
import type { FieldProblem } from '../../../core/nudges/campaign-editor.js';
import { addPageTexts } from '../../../core/console/page-texts.js';
import { redirect, type PageContext, type PageModule, type PageResult } from '../page.js';
import { CAMPAIGNS, campaignForm, campaignList, reachBlock } from '../comms/campaign-pages.js';
import { htmlPage, json, orRefusal, pageCtx, withAssets } from '../comms/page-context.js';
import { commsTexts, commsTranslator } from '../comms/texts.js';

addPageTexts({ nl: { 'nav.campaigns': commsTexts.nl['nav.campaigns'] }, en: { 'nav.campaigns': commsTexts.en['nav.campaigns'] } });

async function formPage(
  ctx: PageContext,
  o: { values: FormValues; campaign: Campaign | null; problems: FieldProblem[]; checked: boolean; notice?: string; formReach?: number | null },
): Promise<PageResult> {
  const { core, campaignEditor } = ctx.services;
  const choices = await core.broadcastService.choices(ctx.actor);
  const capDays = (core.ctx.settings.nudges ?? DEFAULT_NUDGE_SETTINGS).capDays;
  const reach = o.campaign ? await campaignEditor.reach(ctx.actor, o.campaign.target) : null;
  const t = commsTranslator(ctx.locale);
  const body = campaignForm(pageCtx(ctx), { ...o, choices, capDays, reach, notice: o.notice ?? null });
  return htmlPage(o.campaign ? `${t('c.form_edit_title')}: ${o.campaign.name}` : t('c.form_title'), withAssets(body), CAMPAIGNS, o.problems.length ? 422 : 200);
}

async function save(ctx: PageContext, id?: string): Promise<PageResult> {
  const { campaignEditor } = ctx.services;
  const existing = id ? await campaignEditor.get(ctx.actor, id) : null;
  if (ctx.form.intent === 'count') {
    const formReach = await campaignEditor.reachOf(ctx.actor, ctx.form);
    return formPage(ctx, { values: ctx.form, campaign: existing, problems: [], checked: true, formReach });
  }
  const r = await campaignEditor.save(ctx.actor, ctx.form, id);
  if (!r.ok) return formPage(ctx, { values: ctx.form, campaign: existing, problems: r.problems, checked: true });
  return redirect(`${CAMPAIGNS}/${r.campaign.id}?saved=1`);
}

/** HR: nudge campaigns made and changed on a page (the JSON import stays for automation), paused and started. */
export const campaignsPage: PageModule = {
  nav: { href: CAMPAIGNS, label: 'nav.campaigns', right: 'campaigns' },
  routes: [
    {
      method: 'GET', path: '/campaigns', right: 'campaigns',
      handler: async (ctx) => {
        const items = await ctx.services.campaignEditor.list(ctx.actor);
        return htmlPage(commsTranslator(ctx.locale)('c.title'), withAssets(campaignList(pageCtx(ctx), items, null)), CAMPAIGNS);
      },
    },
    {
      method: 'GET', path: '/campaigns/new', right: 'campaigns',
      handler: (ctx) => formPage(ctx, { values: { schedule: ctx.locale === 'en' ? 'every Tuesday at 07:00' : 'elke dinsdag om 07:00', inactive_weeks: '0' }, campaign: null, problems: [], checked: false }),
    },
    { method: 'POST', path: '/campaigns/new', right: 'campaigns', handler: (ctx) => save(ctx) },
    {
      method: 'POST', path: '/campaigns/reach', right: 'campaigns',
      handler: async (ctx) => {
        const reach = await ctx.services.campaignEditor.reachOf(ctx.actor, ctx.form);
        return json({ reach, html: reachBlock(ctx.locale, reach).value });
      },
    },
    {
      method: 'GET', path: '/campaigns/:id', right: 'campaigns',
      handler: (ctx) => orRefusal(ctx, async () => {
        const { campaignEditor, core } = ctx.services;
        const c = await campaignEditor.get(ctx.actor, ctx.params.id!);
        const orgs = await core.broadcastService.choices(ctx.actor);
        const values = campaignValues(c, orgs.organizations, ctx.locale, core.ctx.settings.timezone);
        const notice = ctx.query.get('saved') ? commsTranslator(ctx.locale)('c.saved') : undefined;
        return formPage(ctx, { values, campaign: c, problems: [], checked: true, ...(notice ? { notice } : {}) });
      }),
    },
    { method: 'POST', path: '/campaigns/:id', right: 'campaigns', handler: (ctx) => orRefusal(ctx, () => save(ctx, ctx.params.id!)) },
    {
      method: 'POST', path: '/campaigns/:id/status', right: 'campaigns',
      handler: (ctx) => orRefusal(ctx, async () => {
        const status = ctx.form.status === 'ACTIVE' ? 'ACTIVE' : 'PAUSED';
        await ctx.services.campaignEditor.setStatus(ctx.actor, ctx.params.id!, status);
        return redirect(CAMPAIGNS);
      }),
    },
  ],
};

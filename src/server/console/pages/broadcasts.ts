import { DESK_ACTIONS, type DeskAction } from '../../../core/broadcasts/broadcast-desk.js';
import { broadcastValues } from '../../../core/broadcasts/compose-form.js';
import { exportBroadcastFailures } from '../../../core/broadcasts/export-broadcast-failures.js';
import { addPageTexts } from '../../../core/console/page-texts.js';
import { page, redirect, type PageContext, type PageModule, type PageResult } from '../page.js';
import { BASE, broadcastForm, broadcastList, broadcastPage, countBlock } from '../comms/broadcast-pages.js';
import { htmlPage, json, orRefusal, pageCtx, withAssets } from '../comms/page-context.js';
import { commsTexts, commsTranslator } from '../comms/texts.js';

addPageTexts({ nl: { 'nav.broadcasts': commsTexts.nl['nav.broadcasts'] }, en: { 'nav.broadcasts': commsTexts.en['nav.broadcasts'] } });

const NAV = BASE;

/** The compose form again: what was typed, every mistake, and the count when asked for. */
async function formPage(ctx: PageContext, values: Record<string, string | string[]>, o: { draftId?: string; problems?: string[]; withCount?: boolean; checked?: boolean }) {
  const { broadcastService, broadcastDesk } = ctx.services.core;
  const t = commsTranslator(ctx.locale);
  const choices = await broadcastService.choices(ctx.actor);
  let problems = o.problems ?? [];
  let count = null;
  if (o.withCount) {
    const counted = await broadcastDesk.count(ctx.actor, values);
    if (counted.ok) count = counted.count;
    else problems = [...problems, ...counted.problems];
  }
  const body = broadcastForm(pageCtx(ctx), { values, choices, problems, count, checked: o.checked ?? false, ...(o.draftId ? { draftId: o.draftId } : {}) });
  return htmlPage(t(o.draftId ? 'b.form_edit_title' : 'b.form_title'), withAssets(body), NAV, problems.length ? 422 : 200);
}

/** Saves the draft (new or edited) through the same use case as chat; or only counts, when that button was pressed. */
async function submitForm(ctx: PageContext, draftId?: string): Promise<PageResult> {
  const values = ctx.form;
  if (values.intent === 'count') return formPage(ctx, values, { withCount: true, checked: true, ...(draftId ? { draftId } : {}) });
  const saved = await ctx.services.core.broadcastService.saveDraft(ctx.actor, values, draftId);
  if (saved.kind === 'problems') return formPage(ctx, values, { problems: saved.problems, withCount: true, checked: true, ...(draftId ? { draftId } : {}) });
  if (saved.kind === 'not_now') return redirect(`${BASE}/${saved.broadcast.id}`);
  return redirect(`${BASE}/${saved.broadcast.id}`);
}

async function overviewPage(ctx: PageContext, id: string, notice: string | null, status = 200): Promise<PageResult> {
  const { broadcastDesk } = ctx.services.core;
  const o = await broadcastDesk.overview(ctx.actor, id);
  const p = o.progress ? await broadcastDesk.progress(ctx.actor, id) : null;
  return htmlPage(o.broadcast.title, withAssets(broadcastPage(pageCtx(ctx), o, p, notice)), NAV, status);
}

/** HR: compose, preview, count, send (or ask a colleague to approve), follow, recall and see the results. */
export const broadcastsPage: PageModule = {
  nav: { href: BASE, label: 'nav.broadcasts', right: 'broadcasts' },
  routes: [
    {
      method: 'GET', path: '/broadcasts', right: 'broadcasts',
      handler: async (ctx) => {
        const items = await ctx.services.core.broadcastDesk.recent(ctx.actor, 50);
        return page(commsTranslator(ctx.locale)('b.title'), withAssets(broadcastList(pageCtx(ctx), items)), NAV);
      },
    },
    { method: 'GET', path: '/broadcasts/new', right: 'broadcasts', handler: (ctx) => formPage(ctx, {}, {}) },
    { method: 'POST', path: '/broadcasts/new', right: 'broadcasts', handler: (ctx) => submitForm(ctx) },
    {
      method: 'POST', path: '/broadcasts/count', right: 'broadcasts',
      handler: async (ctx) => {
        const counted = await ctx.services.core.broadcastDesk.count(ctx.actor, ctx.form);
        return json(counted.ok ? { ...counted, html: countBlock(ctx.locale, counted.count).value } : { ...counted, html: countBlock(ctx.locale, null).value });
      },
    },
    { method: 'GET', path: '/broadcasts/:id', right: 'broadcasts', handler: (ctx) => orRefusal(ctx, () => overviewPage(ctx, ctx.params.id!, null)) },
    {
      method: 'GET', path: '/broadcasts/:id/edit', right: 'broadcasts',
      handler: (ctx) => orRefusal(ctx, async () => {
        const { broadcastService, broadcastDesk } = ctx.services.core;
        const o = await broadcastDesk.overview(ctx.actor, ctx.params.id!);
        if (o.broadcast.status !== 'DRAFT' && o.broadcast.status !== 'PENDING_APPROVAL') return redirect(`${BASE}/${o.broadcast.id}`);
        const values = broadcastValues(o.broadcast, await broadcastService.choices(ctx.actor));
        return formPage(ctx, values, { draftId: o.broadcast.id, withCount: true, checked: true });
      }),
    },
    { method: 'POST', path: '/broadcasts/:id/edit', right: 'broadcasts', handler: (ctx) => orRefusal(ctx, () => submitForm(ctx, ctx.params.id!)) },
    {
      method: 'POST', path: '/broadcasts/:id/action', right: 'broadcasts',
      handler: (ctx) => orRefusal(ctx, async () => {
        const id = ctx.params.id!;
        const action = ctx.form.action as DeskAction;
        if (!(DESK_ACTIONS as readonly string[]).includes(action)) return overviewPage(ctx, id, null, 400);
        const t = commsTranslator(ctx.locale);
        // Sending and recalling reach many people: the box must be ticked (works without JS, unlike a dialog).
        if ((action === 'send' || action === 'recall') && ctx.form.confirmed !== '1') {
          return overviewPage(ctx, id, t('b.confirm_missing'), 422);
        }
        const notice = await ctx.services.core.broadcastDesk.act(ctx.actor, id, action);
        if (action === 'discard') return redirect(BASE);
        return overviewPage(ctx, id, notice);
      }),
    },
    {
      method: 'GET', path: '/broadcasts/:id/progress.json', right: 'broadcasts',
      handler: (ctx) => orRefusal(ctx, async () => json(await ctx.services.core.broadcastDesk.progress(ctx.actor, ctx.params.id!))),
    },
    {
      method: 'GET', path: '/broadcasts/:id/failures.csv', right: 'broadcasts',
      handler: (ctx) => orRefusal(ctx, async () => {
        // Rights first: the desk refuses anyone but HR, and an unknown id.
        await ctx.services.core.broadcastDesk.progress(ctx.actor, ctx.params.id!);
        const csv = await exportBroadcastFailures(ctx.services.broadcastFailures, ctx.params.id!, ctx.services.core.ctx.settings.timezone);
        return { kind: 'file', filename: `mislukt-${ctx.params.id!.slice(0, 8)}.csv`, mimeType: 'text/csv; charset=utf-8', content: csv };
      }),
    },
  ],
};


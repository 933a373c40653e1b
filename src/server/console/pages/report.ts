import { chartAlt } from '../../../core/nudges/chart.js';
import { consoleReport } from '../../../core/nudges/report-console.js';
import { DIMENSIONS, type Dimension } from '../../../core/nudges/report-repository.js';
import { translator as nudgeTranslator, type MessageKey } from '../../../core/nudges/texts.js';
import { html } from '../html.js';
import { page, type PageContext, type PageModule } from '../page.js';

const dimensionOf = (ctx: PageContext): Dimension => {
  const d = ctx.query.get('by');
  return (DIMENSIONS as readonly string[]).includes(d ?? '') ? (d as Dimension) : 'department';
};

async function reportPage(ctx: PageContext) {
  const t = ctx.t;
  const tn = nudgeTranslator(ctx.locale);
  const dim = dimensionOf(ctx);
  const { report: r, chart, scope, dimension } = await consoleReport(ctx.services.core.ctx, ctx.actor, dim);
  const percent = (n: number | null) => (n === null ? '' : new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 1 }).format(n) + '%');
  const cell = (v: number | null, hidden: string | null) => (hidden ? t(hidden === 'small' ? 'report.hidden_small' : 'report.hidden_complement') : String(v ?? ''));
  const rows = r.current.map(
    (c) => html`<tr><th scope="row">${c.group}</th><td class="num" data-label="${t('report.col_people')}">${c.people === null ? t('report.hidden_small') : c.people}</td>
<td class="num" data-label="${t('report.col_active')}">${cell(c.active, c.hidden)}</td><td class="num" data-label="${t('report.col_share')}">${c.hidden ? cell(null, c.hidden) : percent(c.share)}</td></tr>`,
  );
  const campaigns = r.campaigns.map(
    (c) => html`<tr><th scope="row">${c.campaign}</th><td data-label="${t('report.col_variant')}">${c.variant}</td><td class="num" data-label="${t('report.col_sent')}">${cell(c.sent, c.hidden)}</td><td class="num" data-label="${t('report.col_clicked')}">${cell(c.clicked, c.hidden)}</td></tr>`,
  );
  const body = html`<p class="lead">${scope === 'team' ? t('report.intro_team') : tn('report.intro', { dimension: tn(`report.dimension.${dimension}` as MessageKey), weeks: r.activityWeeks })}</p>
${scope === 'all'
  ? html`<nav aria-label="${t('report.by')}" class="actions">${DIMENSIONS.map((d) => html`<a class="button ${d === dimension ? 'primary' : 'secondary'}" href="/beheer/report?by=${d}"${d === dimension ? html` aria-current="page"` : ''}>${tn(`report.dimension.${d}` as MessageKey)}</a>`)}</nav>`
  : ''}
${r.current.length
  ? html`<p><img class="chart" src="/beheer/report/chart.svg?by=${dimension}" alt="${chartAlt(chart)}"></p>
<div class="table-wrap"><table class="stack"><caption>${t('report.caption', { weeks: r.activityWeeks })}</caption>
<thead><tr><th scope="col">${t('report.col_group')}</th><th scope="col" class="num">${t('report.col_people')}</th><th scope="col" class="num">${t('report.col_active')}</th><th scope="col" class="num">${t('report.col_share')}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  : html`<p>${t('report.none')}</p>`}
${r.campaigns.length
  ? html`<h2>${t('report.campaigns')}</h2><div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${t('report.col_campaign')}</th><th scope="col">${t('report.col_variant')}</th><th scope="col" class="num">${t('report.col_sent')}</th><th scope="col" class="num">${t('report.col_clicked')}</th></tr></thead><tbody>${campaigns}</tbody></table></div>`
  : ''}
<p>${tn('report.privacy')}</p>`;
  return page(t('report.title'), body, '/beheer/report');
}

/** The engagement report: HR by any dimension; a team leader their own team only (groups under 5 hidden). */
export const reportPageModule: PageModule = {
  nav: { href: '/beheer/report', label: 'nav.report', right: 'report' },
  routes: [
    { method: 'GET', path: '/report', right: 'report', handler: reportPage },
    {
      method: 'GET',
      path: '/report/chart.svg',
      right: 'report',
      handler: async (ctx) => {
        const { chart } = await consoleReport(ctx.services.core.ctx, ctx.actor, dimensionOf(ctx));
        return { kind: 'inline', mimeType: 'image/svg+xml; charset=utf-8', content: Buffer.from(await ctx.services.drawChart(chart)) };
      },
    },
  ],
};

import { audit } from '../../../core/audit/audit.js';
import { formatSlot } from '../../../core/format.js';
import { postForm, submit } from '../forms.js';
import { html } from '../html.js';
import { page, redirect, type ConsoleRoute, type PageContext } from '../page.js';
import { notice } from './workshop-notice.js';
import { weekChoice, workshopForm } from './workshop-form.js';

async function detail(ctx: PageContext, typed?: Record<string, string>, problems?: string[]) {
  const t = ctx.t;
  const { workshop: w, participants } = await ctx.services.workshops.workshop(ctx.actor, ctx.params.id!);
  const tz = ctx.services.core.ctx.settings.timezone;
  const now = ctx.services.core.ctx.clock.now();
  const started = w.startsAt <= now;
  const confirmed = participants.filter((p) => p.status === 'CONFIRMED');
  const rows = participants.map(
    (p) => html`<tr><td data-label="${t('ws.col_name')}">${p.name}</td><td data-label="${t('ws.col_org')}">${p.organization ?? ''}</td>
<td data-label="${t('ws.col_signup')}">${p.status === 'CONFIRMED' ? t('ws.confirmed') : t('ws.waiting', { position: p.position ?? '?' })}</td>
<td data-label="${t('ws.attendance')}">${p.attended === null ? '' : p.attended ? '✓' : '–'}</td></tr>`,
  );
  const attendance = started && !w.cancelled && confirmed.some((p) => p.personId)
    ? html`<h2 id="attendance">${t('ws.attendance_legend')}</h2>${postForm(ctx, `/beheer/workshops/${w.id}/attendance`, [
        html`<fieldset><legend>${t('ws.attendance_legend')}</legend><ul class="checks">${confirmed.filter((p) => p.personId).map(
          (p) => html`<li><label><input type="checkbox" name="present" value="${p.personId!}"${p.attended ? html` checked` : ''}> ${p.name}</label></li>`,
        )}</ul></fieldset>`,
        submit(t('ws.attendance_save')),
      ])}`
    : '';
  const weeks = !started && !w.cancelled ? await weekChoice(ctx, w.id) : undefined;
  const edit = weeks
    ? html`<h2 id="edit">${t('ws.edit')}</h2><p>${t('ws.edit_hint')}</p>
${workshopForm(ctx, `/beheer/workshops/${w.id}/edit`, { w, weeks, ...(typed ? { typed } : {}), ...(problems ? { problems } : {}), submitLabel: t('form.save'), full: false })}
<h2>${t('ws.cancel')}</h2>
<form method="post" action="/beheer/workshops/${w.id}/cancel" data-confirm="${t('ws.cancel_confirm')}"><input type="hidden" name="csrf" value="${ctx.session.csrf}"><p>${t('ws.cancel_confirm')}</p>${submit(t('ws.cancel'), 'danger')}</form>`
    : '';
  const body = html`${notice(ctx)}
<div class="card"><dl>
<dt>${t('ws.col_when')}</dt><dd>${formatSlot(w.startsAt, w.endsAt, ctx.locale, tz)}</dd>
<dt>${t('ws.col_seats')}</dt><dd>${t('ws.seats', { confirmed: confirmed.length, capacity: w.capacity })}</dd>
<dt>${t('ws.col_waitlist')}</dt><dd>${participants.length - confirmed.length}</dd>
<dt>${t('ws.col_code')}</dt><dd>${w.key}</dd>
${w.cancelled ? html`<dt>${t('ws.col_status')}</dt><dd>${t('ws.cancelled')}</dd>` : ''}
</dl></div>
<div class="actions"><a class="button secondary" href="/beheer/workshops/${w.id}/attendance.csv" download>${t('ws.download')}</a></div>
<h2>${t('ws.participants')}</h2>
${participants.length === 0
  ? html`<p>${t('ws.no_participants')}</p>`
  : html`<div class="table-wrap"><table class="stack"><thead><tr><th scope="col">${t('ws.col_name')}</th><th scope="col">${t('ws.col_org')}</th><th scope="col">${t('ws.col_signup')}</th><th scope="col">${t('ws.attendance')}</th></tr></thead><tbody>${rows}</tbody></table></div>`}
${attendance}${edit}`;
  return { ...page(w.title, body, '/beheer/workshops'), ...(problems?.length ? { status: 422 } : {}) };
}

const who = (ctx: PageContext) => ({ actor: ctx.actor.person.id, actorId: ctx.actor.person.id });

/** One workshop: figures, participants, the edit form, cancelling, attendance and its CSV. */
export const workshopDetailRoutes: ConsoleRoute[] = [
  { method: 'GET', path: '/workshops/:id', right: 'workshops', handler: (ctx) => detail(ctx) },
  {
    method: 'POST',
    path: '/workshops/:id/edit',
    right: 'workshops.edit',
    handler: async (ctx) => {
      const out = await ctx.services.workshops.edit(ctx.actor, ctx.params.id!, ctx.form);
      if (!out.ok) return detail(ctx, ctx.form, out.problems);
      await audit(ctx.services.audit, { ...who(ctx), action: 'workshop.edit', subject: out.value.id, details: { learningWeek: ctx.form.week || null } });
      return redirect(`/beheer/workshops/${out.value.id}?done=saved`);
    },
  },
  {
    method: 'POST',
    path: '/workshops/:id/cancel',
    right: 'workshops.edit',
    handler: async (ctx) => {
      const w = await ctx.services.workshops.cancel(ctx.actor, ctx.params.id!);
      await audit(ctx.services.audit, { ...who(ctx), action: 'workshop.cancel', subject: w.id });
      return redirect(`/beheer/workshops/${w.id}?done=cancelled`);
    },
  },
  {
    method: 'POST',
    path: '/workshops/:id/attendance',
    right: 'workshops.edit',
    handler: async (ctx) => {
      const present = (ctx.form.present ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      await ctx.services.workshops.markAttendance(ctx.actor, ctx.params.id!, present);
      await audit(ctx.services.audit, { ...who(ctx), action: 'workshop.attendance', subject: ctx.params.id!, details: { present: present.length } });
      return redirect(`/beheer/workshops/${ctx.params.id!}?done=attendance`);
    },
  },
  {
    method: 'GET',
    path: '/workshops/:id/attendance.csv',
    right: 'workshops',
    handler: async (ctx) => {
      const { workshop: w } = await ctx.services.workshops.workshop(ctx.actor, ctx.params.id!);
      const csv = await ctx.services.workshops.attendanceCsv(ctx.actor, w.key);
      await audit(ctx.services.audit, { ...who(ctx), action: 'export.signups', subject: w.key });
      return { kind: 'file', filename: `deelnemers-${w.key}.csv`, mimeType: 'text/csv; charset=utf-8', content: csv };
    },
  },
];

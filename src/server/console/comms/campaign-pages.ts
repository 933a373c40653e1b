import type { Campaign } from '../../../core/nudges/campaign.js';
import { VARIANT_SLOTS, variantField, type FieldProblem } from '../../../core/nudges/campaign-editor.js';
import { scheduleInWords } from '../../../core/nudges/schedule-words.js';
import { checkPlainLanguage } from '../../../core/language/plain-language.js';
import { EDUCATION_LEVELS } from '../../../core/people/education.js';
import { translator as broadcastTranslator } from '../../../core/broadcasts/texts.js';
import { html, type Html } from '../html.js';
import type { Choices, PageCtx } from './broadcast-pages.js';
import { commsTranslator } from './texts.js';
import { checkboxes, errorSummary, languagePanel, select, textArea, textField, type Values } from './widgets.js';

export const CAMPAIGNS = '/beheer/campaigns';

const statusForm = (c: PageCtx, campaign: Campaign, label: string, status: 'ACTIVE' | 'PAUSED') =>
  html`<form method="post" action="${CAMPAIGNS}/${campaign.id}/status" class="inline">${c.csrf}<input type="hidden" name="status" value="${status}"><button type="submit" class="button">${label}<span class="visually-hidden">: ${campaign.name}</span></button></form>`;

export function campaignList(c: PageCtx, items: Campaign[], notice: string | null): Html {
  const t = commsTranslator(c.locale);
  return html`<p>${t('c.intro')}</p>
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<p><a class="button primary" href="${CAMPAIGNS}/new">${t('c.new')}</a></p>
${items.length === 0 ? html`<p>${t('c.none')}</p>` : html`<div class="table-wrap"><table>
<thead><tr><th scope="col">${t('c.col_name')}</th><th scope="col">${t('c.col_when')}</th><th scope="col">${t('c.col_status')}</th><th scope="col">${t('c.col_action')}</th></tr></thead>
<tbody>${items.map((x) => html`<tr>
  <td><a href="${CAMPAIGNS}/${x.id}">${x.name}</a></td>
  <td>${scheduleInWords(x.schedule, c.locale)}</td>
  <td>${t(`c.status.${x.status}`)}</td>
  <td>${x.status === 'ACTIVE' ? statusForm(c, x, t('c.pause'), 'PAUSED') : x.status === 'ENDED' ? '' : statusForm(c, x, t('c.start'), 'ACTIVE')}</td>
</tr>`)}</tbody></table></div>`}`;
}

/** How many people the audience reaches now (live with JS, or after the count button). */
export function reachBlock(locale: PageCtx['locale'], reach: number | null): Html {
  const t = commsTranslator(locale);
  return html`<div id="audience-count" class="count${reach === 0 ? ' count--zero' : ''}" aria-live="polite">${
    reach === null ? '' : html`<p><strong>${reach === 0 ? t('b.count_zero') : t('c.reach', { count: reach })}</strong></p>`
  }</div>`;
}

/** The campaign form: name, schedule in words, audience, quiet hours and days, the cap, and variants A and B. */
export function campaignForm(
  c: PageCtx,
  o: {
    values: Values; choices: Choices; problems: FieldProblem[]; campaign: Campaign | null; capDays: number; reach: number | null;
    /** The count of the audience as the form stands now (the count button), beside the stored campaign's reach. */
    formReach?: number | null; checked: boolean; notice?: string | null;
  },
): Html {
  const t = commsTranslator(c.locale);
  const bt = broadcastTranslator(c.locale);
  const v = o.values;
  const err = (field: string) => o.problems.filter((p) => p.field === field).map((p) => p.message).join(' ') || undefined;
  const action = o.campaign ? `${CAMPAIGNS}/${o.campaign.id}` : `${CAMPAIGNS}/new`;
  const check = (name: string) => (o.checked && String(v[name] ?? '').trim() ? checkPlainLanguage(String(v[name]), 'nl') : null);
  const levels = EDUCATION_LEVELS.map((l) => ({ value: l, label: l === 'mbo' ? t('b.level_mbo') : l }));
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`day.${d}` as 'day.1') }));
  return html`<p><a href="${CAMPAIGNS}">${t('c.back')}</a></p>
${o.notice ? html`<div class="notice" role="status"><p>${o.notice}</p></div>` : ''}
${errorSummary(t, o.problems)}
${o.campaign ? html`<p>${t(`c.status.${o.campaign.status}`)}${o.reach !== null ? html` — ${t('c.reach', { count: o.reach })}` : ''}</p>` : ''}
<form method="post" action="${action}" class="stack" novalidate data-count-url="${CAMPAIGNS}/reach">
${c.csrf}
${o.campaign ? html`<p><strong>${t('c.field_key')}</strong>: ${o.campaign.key}</p>` : textField(v, 'key', t('c.field_key'), { required: true, error: err('key'), maxLength: 63 })}
${textField(v, 'name', t('c.field_name'), { required: true, error: err('name'), maxLength: 200 })}
${textField(v, 'schedule', t('c.field_schedule'), { required: true, hint: t('c.schedule_hint'), error: err('schedule') })}
${textField(v, 'starts', t('c.field_starts'), { hint: t('c.date_hint'), error: err('starts') })}
${textField(v, 'ends', t('c.field_ends'), { hint: t('c.date_hint'), error: err('ends') })}
${select(v, 'action', t('c.field_action'), (['workshops', 'klussen', 'reflectie'] as const).map((a) => ({ value: a, label: t(`c.action.${a}`) })))}
<fieldset class="audience"><legend>${t('b.section_audience')}</legend>
  <p class="hint">${t('b.audience_hint')}</p>
  ${o.choices.organizations.length ? checkboxes(v, 'organizations', bt('broadcast.form.field_organizations'), o.choices.organizations.map((x) => ({ value: x.key, label: x.name })), { error: err('organizations') }) : ''}
  ${o.choices.departments.length
    ? checkboxes(v, 'departments', bt('broadcast.form.field_departments'), o.choices.departments.map((d) => ({ value: d, label: d })))
    : textField(v, 'departments', bt('broadcast.form.field_departments'), { hint: t('b.field_tags_hint') })}
  ${checkboxes(v, 'levels', bt('broadcast.form.field_levels'), levels, { error: err('levels') })}
  ${o.choices.groups.length ? checkboxes(v, 'groups', bt('broadcast.form.field_groups'), o.choices.groups.slice(0, 200).map((g) => ({ value: g.name, label: g.name }))) : ''}
  ${textField(v, 'teams', bt('broadcast.form.field_teams'), { hint: t('b.field_teams_hint'), error: err('teams') })}
  ${checkboxes(v, 'roles', bt('broadcast.form.field_roles'), (['employee', 'manager', 'hr'] as const).map((r) => ({ value: r, label: bt(`broadcast.role.${r}`) })))}
  ${textField(v, 'inactive_weeks', t('c.field_inactive'), { error: err('inactive_weeks') })}
  ${reachBlock(c.locale, o.formReach ?? null)}
  <button type="submit" name="intent" value="count" class="button">${t('b.count')}</button>
</fieldset>
<fieldset><legend>${t('c.section_rules')}</legend>
  ${textField(v, 'hours', t('c.field_hours'), { hint: t('c.hours_hint'), error: err('hours') })}
  ${checkboxes(v, 'days', t('c.field_days'), days)}
  <p>${t('c.cap', { days: o.capDays })}</p>
</fieldset>
<fieldset><legend>${t('c.section_variants')}</legend>
  <p class="hint">${t('c.variants_hint')}</p>
  ${VARIANT_SLOTS.map((slot) => html`<fieldset class="variant"><legend>${t('c.variant', { key: slot })}</legend>
    ${textArea(v, variantField(slot, 'nl_text'), t('c.field_nl_text'), { error: err(variantField(slot, 'nl_text')), check: 'nl', rows: 3, maxLength: 600 })}
    ${languagePanel(t, check(variantField(slot, 'nl_text')), variantField(slot, 'nl_text'))}
    ${textField(v, variantField(slot, 'nl_button'), t('c.field_nl_button'), { error: err(variantField(slot, 'nl_button')), check: 'nl', maxLength: 60 })}
    ${languagePanel(t, check(variantField(slot, 'nl_button')), variantField(slot, 'nl_button'))}
    ${textArea(v, variantField(slot, 'en_text'), t('c.field_en_text'), { error: err(variantField(slot, 'en_text')), rows: 3, maxLength: 600 })}
    ${textField(v, variantField(slot, 'en_button'), t('c.field_en_button'), { error: err(variantField(slot, 'en_button')), maxLength: 60 })}
  </fieldset>`)}
</fieldset>
<button type="submit" class="button primary">${t('c.save')}</button>
</form>`;
}

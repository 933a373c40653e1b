import type { BroadcastOverview, ProgressView } from '../../../core/broadcasts/broadcast-desk.js';
import type { AudienceCount, Broadcast } from '../../../core/broadcasts/broadcast.js';
import { LIMITS } from '../../../core/broadcasts/compose-form.js';
import { audienceText, reasonsOf } from '../../../core/broadcasts/render.js';
import { translator as broadcastTranslator } from '../../../core/broadcasts/texts.js';
import { formatDateTime } from '../../../core/format.js';
import { checkPlainLanguage } from '../../../core/language/plain-language.js';
import type { Locale } from '../../../core/messages.js';
import { EDUCATION_LEVELS } from '../../../core/people/education.js';
import { html, raw, type Html } from '../html.js';
import { messageLook } from './preview-html.js';
import { commsTranslator } from './texts.js';
import { checkboxes, errorSummary, languagePanel, textArea, textField, type Values } from './widgets.js';

export const BASE = '/beheer/broadcasts';

export interface PageCtx {
  locale: Locale;
  timezone: string;
  /** The hidden CSRF field of the skeleton, put in every form that changes something. */
  csrf: Html;
}

export interface Choices {
  organizations: { id: string; key: string; name: string }[];
  groups: { id: string; name: string }[];
  teamLeaders: { id: string; name: string; email: string | null }[];
  departments: string[];
}

export function broadcastList(c: PageCtx, items: Broadcast[]): Html {
  const t = commsTranslator(c.locale);
  const bt = broadcastTranslator(c.locale);
  return html`<p>${t('b.intro')}</p>
<p><a class="button primary" href="${BASE}/new">${t('b.new')}</a></p>
${items.length === 0 ? html`<p>${t('b.none')}</p>` : html`<div class="table-wrap"><table>
  <thead><tr><th scope="col">${t('b.col_title')}</th><th scope="col">${t('b.col_status')}</th><th scope="col">${t('b.col_recipients')}</th><th scope="col">${t('b.col_when')}</th></tr></thead>
  <tbody>${items.map((b) => html`<tr><td><a href="${BASE}/${b.id}">${b.title}</a></td><td>${bt(`broadcast.status.${b.status}`)}</td><td>${b.startedAt ? b.recipientCount : '–'}</td><td>${
    b.startedAt ? formatDateTime(b.startedAt, c.locale, c.timezone) : b.scheduledAt ? formatDateTime(b.scheduledAt, c.locale, c.timezone) : '–'
  }</td></tr>`)}</tbody>
</table></div>`}`;
}

/** The count under the audience builder: exact, as sending will write rows, or why nobody gets it. */
export function countBlock(locale: Locale, count: AudienceCount | null): Html {
  const t = commsTranslator(locale);
  if (!count) return html`<div id="audience-count" class="count" aria-live="polite"></div>`;
  return html`<div id="audience-count" class="count${count.recipients === 0 ? ' count--zero' : ''}" aria-live="polite">
  <p><strong>${count.recipients === 0 ? t('b.count_zero') : t('b.count_result', { count: count.recipients })}</strong></p>
  ${count.unreachable ? html`<p>${t('b.count_unreachable', { count: count.unreachable })}</p>` : ''}
  ${count.skipped ? html`<p>${t('b.count_skipped', { count: count.skipped })}</p>` : ''}
</div>`;
}

/** The compose form: message, picture, button, the audience builder with its count, and when. */
export function broadcastForm(
  c: PageCtx,
  o: { values: Values; choices: Choices; problems: string[]; count: AudienceCount | null; draftId?: string; checked: boolean },
): Html {
  const t = commsTranslator(c.locale);
  const bt = broadcastTranslator(c.locale);
  const v = o.values;
  const action = o.draftId ? `${BASE}/${o.draftId}/edit` : `${BASE}/new`;
  const check = (name: string, locale: Locale) => (o.checked && String(v[name] ?? '').trim() ? checkPlainLanguage(String(v[name]), locale) : null);
  const levels = EDUCATION_LEVELS.map((l) => ({ value: l, label: l === 'mbo' ? t('b.level_mbo') : l }));
  return html`<p><a href="${BASE}">${t('b.back')}</a></p>
${errorSummary(t, o.problems.map((message) => ({ message })))}
<form method="post" action="${action}" class="stack" novalidate data-count-url="${BASE}/count">
${c.csrf}
<fieldset><legend>${t('b.section_message')}</legend>
  ${textField(v, 'title', bt('broadcast.form.field_title'), { required: true, maxLength: LIMITS.title, check: 'nl' })}
  ${languagePanel(t, check('title', 'nl'), 'title')}
  ${textArea(v, 'text', bt('broadcast.form.field_text'), { required: true, maxLength: LIMITS.text, check: 'nl', rows: 8 })}
  ${languagePanel(t, check('text', 'nl'), 'text')}
  ${textField(v, 'title_en', bt('broadcast.form.field_title_en'), { maxLength: LIMITS.title, check: 'en' })}
  ${textArea(v, 'text_en', bt('broadcast.form.field_text_en'), { maxLength: LIMITS.text, check: 'en' })}
  ${languagePanel(t, check('text_en', 'en'), 'text_en')}
</fieldset>
<fieldset><legend>${t('b.section_image')}</legend>
  ${textField(v, 'image_url', bt('broadcast.form.field_image'), { maxLength: LIMITS.url })}
  ${textField(v, 'image_alt', bt('broadcast.form.field_image_alt'), { maxLength: LIMITS.alt })}
  ${textField(v, 'image_alt_en', bt('broadcast.form.field_image_alt_en'), { maxLength: LIMITS.alt })}
</fieldset>
<fieldset><legend>${t('b.section_button')}</legend>
  ${textField(v, 'button', bt('broadcast.form.field_button'), { hint: t('b.field_button_hint'), maxLength: LIMITS.url })}
  ${textField(v, 'button_label', bt('broadcast.form.field_button_label'), { maxLength: LIMITS.label })}
</fieldset>
<fieldset class="audience"><legend>${t('b.section_audience')}</legend>
  <p class="hint">${t('b.audience_hint')}</p>
  ${o.choices.organizations.length ? checkboxes(v, 'organizations', bt('broadcast.form.field_organizations'), o.choices.organizations.map((x) => ({ value: x.key, label: x.name }))) : ''}
  ${o.choices.departments.length
    ? checkboxes(v, 'departments', bt('broadcast.form.field_departments'), o.choices.departments.map((d) => ({ value: d, label: d })))
    : textField(v, 'departments', bt('broadcast.form.field_departments'), { hint: t('b.field_tags_hint') })}
  ${checkboxes(v, 'levels', bt('broadcast.form.field_levels'), levels)}
  ${o.choices.groups.length ? checkboxes(v, 'groups', bt('broadcast.form.field_groups'), o.choices.groups.slice(0, 200).map((g) => ({ value: g.id, label: g.name }))) : ''}
  ${textField(v, 'teams', bt('broadcast.form.field_teams'), { hint: t('b.field_teams_hint') })}
  ${checkboxes(v, 'roles', bt('broadcast.form.field_roles'), (['employee', 'manager', 'hr'] as const).map((r) => ({ value: r, label: bt(`broadcast.role.${r}`) })))}
  ${textField(v, 'tags', bt('broadcast.form.field_tags'), { hint: t('b.field_tags_hint') })}
  ${countBlock(c.locale, o.count)}
  <button type="submit" name="intent" value="count" class="button">${t('b.count')}</button>
</fieldset>
<fieldset><legend>${t('b.section_when')}</legend>
  ${textField(v, 'when', bt('broadcast.form.field_when'), { hint: t('b.when_hint') })}
</fieldset>
<button type="submit" name="intent" value="save" class="button primary">${t('b.save')}</button>
</form>`;
}

function progressBlock(locale: Locale, id: string, p: ProgressView): Html {
  const t = commsTranslator(locale);
  const bt = broadcastTranslator(locale);
  const f = p.progress;
  return html`<section aria-labelledby="progress-h" class="progress" data-progress-url="${BASE}/${id}/progress.json" data-done="${p.done ? '1' : '0'}">
  <h2 id="progress-h">${t('b.progress')}</h2>
  <p><label for="progress-bar">${t('b.progress_label')}</label>: <span data-field="percent">${p.percent}</span> %</p>
  <progress id="progress-bar" max="100" value="${p.percent}">${p.percent} %</progress>
  <dl class="figures">
    <div><dt>${t('b.sent')}</dt><dd data-field="sent">${f.sent}</dd></div>
    <div><dt>${t('b.failed')}</dt><dd data-field="failed">${f.failed}</dd></div>
    <div><dt>${t('b.waiting')}</dt><dd data-field="waiting">${f.waiting}</dd></div>
    <div><dt>${t('b.cancelled')}</dt><dd data-field="cancelled">${f.cancelled}</dd></div>
    <div><dt>${t('b.clicks')}</dt><dd data-field="clicks">${f.clicks}</dd></div>
  </dl>
  <p><a href="${BASE}/${id}#progress-h" class="refresh">${t('b.refresh')}</a></p>
  ${f.reasons.length ? html`<h3>${t('b.reasons')}</h3><ul>${[...reasonsOf(f.reasons)].map(([key, n]) => html`<li>${bt(key)}: ${n}</li>`)}</ul>` : ''}
  ${f.failed > 0 ? html`<p><a href="${BASE}/${id}/failures.csv" download>${t('b.download_failures')}</a></p>` : ''}
</section>`;
}

const ACTION_OF: Record<string, string> = {
  'broadcast.send': 'send', 'broadcast.ask': 'ask', 'broadcast.approve': 'approve', 'broadcast.reject': 'reject',
  'broadcast.recall': 'recall', 'broadcast.discard': 'discard',
};

/** One broadcast: notice, facts, the preview in Slack and Teams, the language check, what can be done, progress. */
export function broadcastPage(c: PageCtx, o: BroadcastOverview, p: ProgressView | null, notice: string | null): Html {
  const t = commsTranslator(c.locale);
  const bt = broadcastTranslator(c.locale);
  const b = o.broadcast;
  const buttons = o.actions.map((a) => {
    if (a.action === 'broadcast.edit') return html`<a class="button" href="${BASE}/${b.id}/edit">${a.label}</a>`;
    const act = ACTION_OF[a.action];
    if (!act) return html``;
    const confirm = act === 'send' ? t('b.confirm_send', { count: o.count.recipients }) : act === 'recall' ? t('b.confirm_recall') : null;
    return html`<form method="post" action="${BASE}/${b.id}/action" class="action">${c.csrf}<input type="hidden" name="action" value="${act}">${
      confirm ? html`<div class="choice"><input type="checkbox" id="confirm-${act}" name="confirmed" value="1" required><label for="confirm-${act}">${confirm}</label></div>` : ''
    }<button type="submit" class="button${a.style === 'primary' ? ' primary' : a.style === 'danger' ? ' danger' : ''}">${a.label}</button></form>`;
  });
  const when = b.scheduledAt ? formatDateTime(b.scheduledAt, c.locale, c.timezone) : bt('broadcast.when_now');
  return html`<p><a href="${BASE}">${t('b.back')}</a></p>
${notice ? html`<div class="notice" role="status"><p>${notice}</p></div>` : ''}
<section aria-labelledby="facts-h"><h2 id="facts-h">${t('b.facts')}</h2>
<dl class="facts">
  <div><dt>${bt('broadcast.field_status')}</dt><dd>${bt(`broadcast.status.${b.status}`)}</dd></div>
  <div><dt>${bt('broadcast.field_recipients')}</dt><dd>${countBlock(c.locale, o.count)}</dd></div>
  <div><dt>${bt('broadcast.field_audience')}</dt><dd>${raw(audienceText(b.audience, bt, o.organizationName).split('\n').map((l) => html`${l}`.value).join('<br>'))}</dd></div>
  <div><dt>${bt('broadcast.field_when')}</dt><dd>${when}</dd></div>
  ${o.approverName ? html`<div><dt>✓</dt><dd>${bt('broadcast.approved_by', { name: o.approverName })}</dd></div>` : ''}
</dl></section>
${p ? progressBlock(c.locale, b.id, p) : ''}
${buttons.length ? html`<section aria-labelledby="actions-h"><h2 id="actions-h">${t('b.actions')}</h2>${
  b.status === 'DRAFT' && o.approvalRequired ? html`<p>${t('b.approval_note')}</p>` : ''}<div class="actions">${buttons}</div></section>` : ''}
<section aria-labelledby="preview-h"><h2 id="preview-h">${t('b.preview')}</h2>
<p class="hint">${t('b.preview_note')}</p>
${o.preview.map((m) => html`<div class="previews">
  <div><h3>${t('b.preview_slack')}</h3>${messageLook(m, 'slack', 'Vliegwiel')}</div>
  <div><h3>${t('b.preview_teams')}</h3>${messageLook(m, 'teams', 'Vliegwiel')}</div>
</div>`)}
</section>
<section aria-labelledby="lc-h"><h2 id="lc-h">${t('b.language')}</h2>
${languagePanel(t, o.language.nl)}
${o.language.en ? languagePanel(t, o.language.en, 'en') : ''}
<p class="hint">${t('l.rules', { words: o.language.nl.limits.maxWordsPerSentence, letters: o.language.nl.limits.maxWordLength })}</p>
</section>`;
}

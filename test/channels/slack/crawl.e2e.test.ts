import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreAction } from '../../../src/channels/slack/render/action-ids.js';
import { allText, blockProblems, modalProblems } from './support/block-kit.js';
import type { Call } from './support/fake-slack.js';
import { startHarness, KEES, PRIYA, type Harness } from './support/harness.js';
import { buttonsIn, click, dmEvent, eventCallback, form, FORM, homeOpened, JSON_TYPE, postSigned, type ShownButton, type Where } from './support/slack-requests.js';

type Json = Record<string, unknown>;
const RUUD = { id: 'U00PFUJ1BPV', name: 'Ruud Kooijman', email: 'manager@demo.vliegwiel.nl', locale: 'nl-NL' };
const SANNE = { id: 'U022KWDNJNL', name: 'Sanne Verhoef', email: 'hr@demo.vliegwiel.nl', locale: 'nl-NL' };

const PEOPLE = [
  { user: KEES, words: ['help', 'workshops', 'workshops privacy', 'mijn', 'klussen', 'reflectie', 'pauze', 'start', 'mijn dossier', 'mijn gegevens'] },
  { user: RUUD, words: ['klus plaatsen', 'mijn'] },
  { user: SANNE, words: ['omroep', 'help'] },
  { user: PRIYA, words: ['help', 'workshops', 'my', 'jobs', 'reflect', 'pause', 'start', 'post job', 'my data'] },
];

/** A plausible answer for every input of a modal, as a person would fill it in. */
function fill(view: Json) {
  const values: Record<string, Record<string, Json>> = {};
  for (const b of (view.blocks ?? []) as Json[]) {
    if (b.type !== 'input') continue;
    const el = b.element as Json;
    const options = (el.options ?? []) as Json[];
    const v: Json =
      el.type === 'datepicker' ? { type: el.type, selected_date: '2027-05-03' }
      : el.type === 'number_input' ? { type: el.type, value: String(el.initial_value ?? '4') }
      : el.type === 'static_select' ? { type: el.type, selected_option: options[0] ?? null }
      : el.type === 'multi_static_select' ? { type: el.type, selected_options: options.slice(0, 1) }
      : { type: el.type, value: String(el.initial_value ?? 'Samen de wijk groener maken') };
    values[String(b.block_id)] = { [String(el.action_id)]: v };
  }
  return values;
}

describe('following every button the bot shows in Slack (Dutch and English)', () => {
  let h: Harness;
  const problems: string[] = [];
  const texts: string[] = [];
  const clicked = new Set<string>();
  let modals = 0;

  beforeAll(async () => {
    h = await startHarness();
    for (const u of [RUUD, SANNE]) h.fake.addUser(u);
  });
  afterAll(async () => h?.close());

  /** Sends one request, waits until the bot is done with it, and returns what it sent to Slack. */
  async function send(body: string, type: string) {
    const before = h.fake.calls.length;
    const res = await postSigned(h.events, body, type);
    expect(res.status).toBe(200);
    await h.channel.idle();
    return h.fake.calls.slice(before);
  }

  async function crawl(user: { id: string }, words: string[]) {
    const queue: { button: ShownButton; where: Where; from: string }[] = [];
    const dm = `D${user.id}`;
    const take = (calls: Call[], from: string) => {
      for (const c of calls) {
        if (c.method === 'chat.postMessage' || c.method === 'chat.update') {
          problems.push(...blockProblems(c.args.blocks, 'message', `${from} → ${c.method}`));
          texts.push(allText(c.args.blocks), String(c.args.text));
          const ts = String(c.method === 'chat.update' ? c.args.ts : c.result?.ts);
          for (const b of buttonsIn(c.args.blocks)) queue.push({ button: b, where: { kind: 'dm', channel: dm, ts }, from });
        }
        if (c.method === 'views.publish') {
          const view = c.args.view as Json;
          problems.push(...blockProblems(view.blocks, 'home', `${from} → home`));
          texts.push(allText(view.blocks));
          for (const b of buttonsIn(view.blocks)) queue.push({ button: b, where: { kind: 'home' }, from: `${from} → home` });
        }
        if (c.method === 'views.open') queue.push({ button: { action_id: '__submit__', text: { text: '' }, value: JSON.stringify(c.args.view) }, where: { kind: 'home' }, from });
      }
    };
    take(await send(eventCallback(homeOpened(user.id)), JSON_TYPE), 'home');
    for (const w of words) take(await send(eventCallback(dmEvent(user.id, w)), JSON_TYPE), `"${w}"`);
    let steps = 0;
    while (queue.length && steps < 70) {
      const { button, where, from } = queue.shift()!;
      if (button.url) continue;
      if (button.action_id === '__submit__') {
        const view = JSON.parse(button.value!) as Json;
        problems.push(...modalProblems(view, `${from} → modal`));
        const payload = { type: 'view_submission', team: { id: 'T1' }, user: { id: user.id, team_id: 'T1' }, api_app_id: 'A1', trigger_id: `t${steps}`, view: { ...view, id: `V${steps}`, state: { values: fill(view) } } };
        modals++;
        steps++;
        take(await send(form({ payload: JSON.stringify(payload) }), FORM), `${from} → submit`);
        continue;
      }
      const key = `${user.id} ${coreAction(button.action_id)} ${button.value ?? ''}`;
      if (clicked.has(key)) continue;
      clicked.add(key);
      const action = coreAction(button.action_id);
      if (action !== 'form.open' && !h.core.bot.actionIds().includes(action)) problems.push(`${from}: button ${action} routes nowhere`);
      steps++;
      take(await send(click(user.id, button, where), FORM), `${action} (from ${from})`);
    }
  }

  it('never breaks a Block Kit rule, never crashes, and reaches the actions that matter', async () => {
    for (const p of PEOPLE) await crawl(p.user, p.words);
    expect(problems).toEqual([]);
    const all = texts.join('\n');
    expect(all).not.toMatch(/Er ging iets mis aan onze kant|Something went wrong on our side/);
    expect(all).not.toMatch(/Dit formulier kan ik hier niet laten zien|I cannot show this form here/);
    const actions = new Set([...clicked].map((k) => k.split(' ')[1]));
    for (const a of ['workshop.signup', 'workshop.cancel', 'workshops.page', 'klus.interest', 'settings.pause', 'nav.workshops', 'form.open']) expect([...actions], a).toContain(a);
    expect(clicked.size).toBeGreaterThan(50);
    expect(modals).toBeGreaterThan(0);
    expect(all).toContain('Je bent aangemeld');
    expect(all).toContain('You are signed up');
  }, 180_000);
});

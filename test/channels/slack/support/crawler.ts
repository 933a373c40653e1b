import { expect } from 'vitest';
import { coreAction } from '../../../../src/channels/slack/render/action-ids.js';
import type { Call } from './fake-slack.js';
import type { Harness } from './harness.js';
import { buttonsIn, click, dmEvent, eventCallback, form, FORM, homeOpened, JSON_TYPE, postSigned, type ShownButton, type Where } from './slack-requests.js';

type Json = Record<string, unknown>;

/** A plausible answer for every input of a modal, as a person would fill it in (`text` for free text). */
export function fillModal(view: Json, text: string): Record<string, Record<string, Json>> {
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
      : { type: el.type, value: String(el.initial_value ?? text) };
    values[String(b.block_id)] = { [String(el.action_id)]: v };
  }
  return values;
}

/** Something the bot showed: a message, the App Home or a modal, and the step that led to it. */
export interface Shown {
  surface: 'message' | 'home' | 'modal';
  from: string;
  /** Block Kit blocks (message, home) or the whole view (modal). */
  blocks: unknown;
  /** The message's notification text. */
  text?: string;
}

export interface CrawlOptions {
  /** Clicks and form submissions at most, per person. */
  maxSteps: number;
  /** Every item shown: each message, App Home and opened modal. */
  onShown(shown: Shown): void;
  /** Values for a modal's inputs, as the person would fill them in. */
  fill(view: Json): Record<string, Record<string, Json>>;
  /** Buttons already pressed, across people (`<user> <action> <value>`): each is pressed once. */
  clicked: Set<string>;
  /** Actions not to press (they end the walk for that person). */
  skip?(action: string): boolean;
  /** Called before each press of a button. */
  onPress?(action: string, from: string): void;
}

/**
 * Opens the App Home, types each word, then presses every button and submits every form the bot shows in answer,
 * breadth first, through the real Bolt stack and the fake Slack.
 */
export async function crawlSlack(h: Harness, user: { id: string }, words: string[], o: CrawlOptions): Promise<void> {
  const send = async (body: string, type: string): Promise<Call[]> => {
    const before = h.fake.calls.length;
    const res = await postSigned(h.events, body, type);
    expect(res.status).toBe(200);
    await h.channel.idle();
    return h.fake.calls.slice(before);
  };
  const queue: { button: ShownButton; where: Where; from: string }[] = [];
  const dm = `D${user.id}`;
  const take = (calls: Call[], from: string) => {
    for (const c of calls) {
      if (c.method === 'chat.postMessage' || c.method === 'chat.update') {
        o.onShown({ surface: 'message', from: `${from} → ${c.method}`, blocks: c.args.blocks, text: String(c.args.text) });
        const ts = String(c.method === 'chat.update' ? c.args.ts : c.result?.ts);
        for (const b of buttonsIn(c.args.blocks)) queue.push({ button: b, where: { kind: 'dm', channel: dm, ts }, from });
      }
      if (c.method === 'views.publish') {
        const view = c.args.view as Json;
        o.onShown({ surface: 'home', from: `${from} → home`, blocks: view.blocks });
        for (const b of buttonsIn(view.blocks)) queue.push({ button: b, where: { kind: 'home' }, from: `${from} → home` });
      }
      if (c.method === 'views.open') {
        o.onShown({ surface: 'modal', from: `${from} → modal`, blocks: c.args.view });
        queue.push({ button: { action_id: '__submit__', text: { text: '' }, value: JSON.stringify(c.args.view) }, where: { kind: 'home' }, from });
      }
    }
  };
  take(await send(eventCallback(homeOpened(user.id)), JSON_TYPE), 'home');
  for (const w of words) take(await send(eventCallback(dmEvent(user.id, w)), JSON_TYPE), `"${w}"`);
  let steps = 0;
  while (queue.length && steps < o.maxSteps) {
    const { button, where, from } = queue.shift()!;
    if (button.url) continue;
    if (button.action_id === '__submit__') {
      const view = JSON.parse(button.value!) as Json;
      const payload = { type: 'view_submission', team: { id: 'T1' }, user: { id: user.id, team_id: 'T1' }, api_app_id: 'A1', trigger_id: `t${steps}`, view: { ...view, id: `V${steps}`, state: { values: o.fill(view) } } };
      steps++;
      take(await send(form({ payload: JSON.stringify(payload) }), FORM), `${from} → submit`);
      continue;
    }
    const action = coreAction(button.action_id);
    if (o.skip?.(action)) continue;
    const key = `${user.id} ${action} ${button.value ?? ''}`;
    if (o.clicked.has(key)) continue;
    o.clicked.add(key);
    o.onPress?.(action, from);
    steps++;
    take(await send(click(user.id, button, where), FORM), `${action} (from ${from})`);
  }
}

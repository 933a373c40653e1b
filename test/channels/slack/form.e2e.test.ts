import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeForm } from '../../../src/channels/slack/render/form-value.js';
import type { Form } from '../../../src/core/messages.js';
import { eventually } from './support/fake-slack.js';
import { startHarness, PRIYA, type Harness } from './support/harness.js';
import { click, form, FORM, postSigned } from './support/slack-requests.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

// The core does not offer a form yet (posting a klus comes in its own issue), so the button is the one the
// renderer would show for this form; what happens after the click is all real.
const klus: Form = {
  id: 'klus.post',
  value: 'draft-1',
  title: 'Post a job',
  submitLabel: 'Post',
  fields: [
    { id: 'title', label: 'Title', kind: 'text', required: true },
    { id: 'hours', label: 'Hours', kind: 'number', required: false },
  ],
};

describe('forms in a modal', () => {
  it('a form button opens the modal with the click’s trigger_id; the submission reaches the core and is answered in the DM', async () => {
    const button = { action_id: 'form.open', value: encodeForm(klus)!, text: { text: 'Post a job' } };
    const body = click(PRIYA.id, button, { kind: 'dm', channel: `D${PRIYA.id}`, ts: '1800000000.000100' });
    const res = await postSigned(h.events, body, FORM);
    expect(res.status).toBe(200);
    const open = await eventually(() => h.fake.callsTo('views.open')[0]);
    const sent = JSON.parse(new URLSearchParams(body).get('payload')!) as { trigger_id: string };
    expect(open.args.trigger_id).toBe(sent.trigger_id);
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id: string }[] };
    expect(view.callback_id).toBe('vw.form');
    expect(view.blocks.map((b) => b.block_id)).toEqual(['title', 'hours']);

    const submission = {
      type: 'view_submission',
      team: { id: 'T1', domain: 'fake' },
      user: { id: PRIYA.id, username: 'priya', name: 'priya', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trig.submit',
      view: {
        id: 'VMODAL',
        type: 'modal',
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        state: { values: { title: { value: { type: 'plain_text_input', value: 'Bomen tellen' } }, hours: { value: { type: 'number_input', value: '4' } } } },
      },
    };
    const before = h.fake.callsTo('chat.postMessage').length;
    const submitted = await postSigned(h.events, form({ payload: JSON.stringify(submission) }), FORM);
    // The modal closes at once (empty ack); the answer follows as a message.
    expect(submitted.status).toBe(200);
    expect(await submitted.text()).toBe('');
    const answer = await eventually(() => h.fake.callsTo('chat.postMessage')[before]);
    expect(answer.args.channel).toBe(`D${PRIYA.id}`);
    // The core has no klus form yet and says so in the person's language.
    expect(answer.args.text).toContain('That button no longer works');
  });

  it('a tampered form button gets a short note instead of a modal', async () => {
    const opens = h.fake.callsTo('views.open').length;
    const before = h.fake.callsTo('chat.postMessage').length;
    await postSigned(h.events, click(PRIYA.id, { action_id: 'form.open', value: 'z1.garbage', text: { text: 'x' } }, { kind: 'dm', channel: `D${PRIYA.id}`, ts: '1.2' }), FORM);
    const note = await eventually(() => h.fake.callsTo('chat.postMessage')[before]);
    // Priya's language is known from her earlier submission (users.info said en-GB).
    expect(JSON.stringify(note.args.blocks)).toContain('I cannot show this form here');
    expect(h.fake.callsTo('views.open').length).toBe(opens);
  });
});

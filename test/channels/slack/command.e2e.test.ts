import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type Response } from './support/fake-slack.js';
import { startHarness, NEWCOMER, PRIYA, type Harness } from './support/harness.js';
import { buttonsIn, click, FORM, postSigned, slashCommand } from './support/slack-requests.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // Someone imported for Teams (seed/demo/people.csv) whose Slack account has the same e-mail.
  h.fake.addUser({ id: 'ULINK0001', name: 'W. Hermans', email: 'W.Hermans@lingeveld.example', locale: 'nl-NL' });
  h.fake.addUser({ id: 'UADMIN001', name: 'Ada Admin', locale: 'nl-NL' });
});
afterAll(async () => {
  await h?.close();
});

let seq = 0;
/** `/vliegwiel <text>` as `user`; returns what the bot posted to the command's response_url. */
async function command(user: string, text: string): Promise<Response & { url: string }> {
  const id = `r${++seq}`;
  const url = h.fake.responseUrl(id);
  const started = Date.now();
  const res = await postSigned(h.events, slashCommand(user, text, url), FORM);
  expect(res.status).toBe(200);
  // The ack is immediate and empty; the answer follows on the response_url.
  expect(await res.text()).toBe('');
  expect(Date.now() - started).toBeLessThan(1500);
  const r = await eventually(() => h.fake.responses.find((x) => x.id === id));
  return { ...r, url };
}

describe('/vliegwiel (English and Dutch users)', () => {
  it('answers help in English for an English user, visible only to them', async () => {
    const r = await command(PRIYA.id, 'help');
    expect(r.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(r.body.blocks)).toContain('What can Vliegwiel do for you?');
  });

  it('lists workshops and signs up from the ephemeral answer (redrawn through its response_url)', async () => {
    const list = await command(PRIYA.id, 'workshops');
    expect(buttonsIn(list.body.blocks).some((b) => b.text.text === 'Sign up')).toBe(true);
    const signup = buttonsIn(list.body.blocks).find((b) => b.text.text === 'Sign up')!;
    const clickUrl = h.fake.responseUrl('click1');
    const res = await postSigned(h.events, click(PRIYA.id, signup, { kind: 'ephemeral', channel: 'C0GENERAL', responseUrl: clickUrl }), FORM);
    expect(res.status).toBe(200);
    const replaced = await eventually(() => h.fake.responses.find((x) => x.id === 'click1' && x.body.replace_original === true));
    expect(JSON.stringify(replaced.body.blocks)).toContain('You are signed up');
    // The redrawn answer carries the notice; it is not sent a second time.
    expect(String(replaced.body.text)).toMatch(/^You are signed up for/);
    await h.channel.idle();
    expect(h.fake.responses.filter((x) => x.id === 'click1')).toHaveLength(1);
    // Nothing was posted into the channel where the command was typed.
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0GENERAL')).toEqual([]);
  });

  it('answers a click on a message in a shared channel (an announcement) in the person’s DM, leaving the message as it is', async () => {
    const list = await command(PRIYA.id, 'workshops');
    const signup = buttonsIn(list.body.blocks).filter((b) => b.text.text === 'Sign up').at(-1)!;
    const clickUrl = h.fake.responseUrl('channel-click');
    const res = await postSigned(h.events, click(PRIYA.id, signup, { kind: 'channel', channel: 'C0KLUSSEN', ts: '1700000000.000100', responseUrl: clickUrl }), FORM);
    expect(res.status).toBe(200);
    const answer = await eventually(() =>
      h.fake.callsTo('chat.postMessage').find((c) => c.args.channel !== 'C0KLUSSEN' && String(c.args.text).startsWith('You are signed up for')),
    );
    expect(answer.args.channel).not.toBe('C0GENERAL');
    // Everyone in the channel still sees the announcement; nobody sees Priya's answer there.
    expect(h.fake.responses.filter((x) => x.id === 'channel-click')).toEqual([]);
    expect(h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'C0KLUSSEN')).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0KLUSSEN')).toEqual([]);
  });

  it('makes a newcomer a person from users.info (name, e-mail, language, time zone)', async () => {
    const r = await command(NEWCOMER.id, 'help');
    expect(JSON.stringify(r.body.blocks)).toContain('What can Vliegwiel do for you?');
    const person = await h.db.prisma.person.findUniqueOrThrow({ where: { email: NEWCOMER.email } });
    expect(person).toMatchObject({ name: NEWCOMER.name, locale: 'en', timezone: 'Europe/Amsterdam' });
  });

  it('links a Slack user to the imported person with the same e-mail', async () => {
    const wendy = await h.db.prisma.person.findUniqueOrThrow({ where: { email: 'w.hermans@lingeveld.example' } });
    const r = await command('ULINK0001', 'help');
    // Wendy is a manager: her help mentions posting a klus.
    expect(JSON.stringify(r.body.blocks)).toContain('klus plaatsen');
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({ where: { platform: 'SLACK', userId: 'ULINK0001' } });
    expect(identity.personId).toBe(wendy.id);
  });

  it('applies ADMIN_USERS: the listed Slack user is HR from the first contact', async () => {
    const r = await command('UADMIN001', 'help');
    expect(JSON.stringify(r.body.blocks)).toContain('omroep');
  });

  it('still answers when users.info is not allowed (the payload name is used)', async () => {
    h.fake.on('users.info', (c) => (c.args.user === 'UNOSCOPE1' ? { body: { ok: false, error: 'missing_scope' } } : undefined));
    const r = await command('UNOSCOPE1', 'hulp');
    expect(JSON.stringify(r.body.blocks)).toContain('Wat kan Vliegwiel voor je doen?');
    const id = await h.db.prisma.channelIdentity.findFirstOrThrow({ where: { platform: 'SLACK', userId: 'UNOSCOPE1' }, include: { person: true } });
    expect(id.person.name).toBe('unoscope1');
  });

  it('answers in the DM when the response_url no longer works', async () => {
    const before = h.fake.callsTo('chat.postMessage').length;
    const res = await postSigned(h.events, slashCommand(PRIYA.id, 'help', `http://127.0.0.1:${h.fake.port}/expired`), FORM);
    expect(res.status).toBe(200);
    const post = await eventually(() => h.fake.callsTo('chat.postMessage')[before]);
    expect(post.args.channel).toBe(`D${PRIYA.id}`);
    expect(JSON.stringify(post.args.blocks)).toContain('What can Vliegwiel do for you?');
  });
});

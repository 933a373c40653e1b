import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkB1 } from '../../../src/core/language/b1.js';
import { startOfLocalDay } from '../../../src/core/time.js';
import { aWorkshop } from '../../support/builders.js';
import { importDepotTeam } from '../../team/support.js';
import { eventually, type Call } from './support/fake-slack.js';
import { startHarness, type Harness } from './support/harness.js';
import { buttonsIn, click, dmEvent, eventCallback, FORM, JSON_TYPE, postSigned, TEAM } from './support/slack-requests.js';

/** A team leader of a depot in Slack; the 8 people of the team have no chat account. */
const LEIDER = { id: 'ULEIDER01', name: 'Bram Werfkamp', email: 'bram.werfkamp@werf.example', locale: 'nl-NL' };
const dm = `D${LEIDER.id}`;
const TZ = 'Europe/Amsterdam';

let h: Harness;
let team: Awaited<ReturnType<typeof importDepotTeam>>;
let workshop: { id: string; title: string };

beforeAll(async () => {
  h = await startHarness();
  h.fake.addUser(LEIDER);
  team = await importDepotTeam(h.db, { platform: 'slack', userId: LEIDER.id, email: LEIDER.email, name: LEIDER.name });
  // Tomorrow at 07:30 at the depot: the soonest workshop, so it leads every list; two seats.
  const w = await aWorkshop(h.db, { title: 'Veilig werken langs de weg', capacity: 2, startsAt: new Date(startOfLocalDay(new Date(), TZ, 1).getTime() + 7.5 * 3600_000) });
  workshop = await h.db.prisma.workshop.update({ where: { id: w.id }, data: { location: 'Gemeentewerf, kantine' } });
});
afterAll(async () => h?.close());

/** The leader's last view of a message: the latest update of it, or the post itself. */
interface Shown {
  ts: string;
  blocks: unknown;
  text: string;
}

async function say(text: string): Promise<Shown> {
  const before = h.fake.callsTo('chat.postMessage').length;
  const res = await postSigned(h.events, eventCallback(dmEvent(LEIDER.id, text)), JSON_TYPE);
  expect(res.status).toBe(200);
  const post: Call = await eventually(() => h.fake.callsTo('chat.postMessage')[before]);
  return { ts: String(post.result?.ts), blocks: post.args.blocks, text: String(post.args.text) };
}

/** Presses the button (by label, optionally the one whose value holds `within`) and returns the redrawn message. */
async function press(from: Shown, label: string, within?: string): Promise<Shown> {
  const button = buttonsIn(from.blocks).find((b) => b.text.text === label && (!within || String(b.value).includes(within)));
  expect(button, `button ${label}`).toBeDefined();
  const before = h.fake.callsTo('chat.update').length;
  const res = await postSigned(h.events, click(LEIDER.id, button!, { kind: 'dm', channel: dm, ts: from.ts }, from.blocks), FORM);
  expect(res.status).toBe(200);
  const update = await eventually(() => h.fake.callsTo('chat.update')[before]);
  expect(update.args.ts).toBe(from.ts);
  return { ts: from.ts, blocks: update.args.blocks, text: String(update.args.text) };
}

describe('a depot team without chat accounts, its team leader in Slack', () => {
  it('imports the 8 people without a chat account, each in the leader’s team', () => {
    expect(team.members).toHaveLength(8);
    expect(team.members.every((m) => m.identities.length === 0 && m.managerId === team.leader.id)).toBe(true);
  });

  it('“mijn team” shows the week in plain Dutch to read aloud, with the workshop, its time and place', async () => {
    const shown = await say('mijn team');
    const json = JSON.stringify(shown.blocks);
    expect(json).toContain('Je team deze week');
    expect(json).toContain('Goedemorgen allemaal!');
    expect(json).toContain('Veilig werken langs de weg');
    expect(json).toContain('om 07:30, in Gemeentewerf, kantine.');
    expect(buttonsIn(shown.blocks).map((b) => b.text.text)).toContain('Iemand aanmelden');
    const actor = await h.core.bot.actorFor({ platform: 'SLACK', tenantId: TEAM, userId: LEIDER.id });
    const text = (await h.core.team.toolbox(actor)).blocks.find((b) => b.type === 'text');
    expect(text && 'text' in text && checkB1(text.text)).toEqual([]);
  });

  it('signs a member up for them after the leader confirms, recorded as “aangemeld door”, sharing the seats', async () => {
    const first = team.members[0]!;
    const members = await press(await say('mijn team'), 'Iemand aanmelden');
    // A phone card: four people a page, then the next page.
    expect(buttonsIn(members.blocks).filter((b) => b.text.text === 'Kies')).toHaveLength(4);
    expect(buttonsIn(members.blocks).map((b) => b.text.text)).toContain('Volgende');
    expect(JSON.stringify(members.blocks)).toContain('geen chat');
    const list = await press(members, 'Kies', first.id);
    expect(JSON.stringify(list.blocks)).toContain(`Workshops voor ${first.name}`);
    const ask = await press(list, 'Aanmelden', workshop.id);
    expect(ask.text).toBe(`Heeft ${first.name} gezegd dat die mee wil naar “${workshop.title}”?`);
    // Nothing is booked before the confirmation; "Nee" books nothing.
    expect(await h.db.prisma.signup.count({ where: { workshopId: workshop.id } })).toBe(0);
    const no = await press(ask, 'Nee');
    expect(no.text).toContain('Er is niets veranderd');
    const again = await press(await press(no, 'Aanmelden', workshop.id), 'Ja, meld aan');
    expect(again.text).toBe(`${first.name} is aangemeld voor “${workshop.title}”. Vertel het ${first.name} zelf.`);
    const row = await h.db.prisma.signup.findFirstOrThrow({ where: { workshopId: workshop.id, personId: first.id } });
    expect(row).toMatchObject({ status: 'CONFIRMED', signedUpById: team.leader.id });
    // The workshop owner's list and the attendance export say who signed the person up.
    const hr = await h.core.bot.actorFor({ platform: 'SLACK', tenantId: TEAM, userId: 'UADMIN001' });
    const participants = await h.core.bot.action(hr, { action: 'manage.participants', value: workshop.id });
    expect(JSON.stringify(participants)).toContain(`${first.name}, Gemeente Dijkstad – aangemeld door ${LEIDER.name}`);
  });

  it('promotes a waiting member when a seat comes free, and tells the team leader, since the member has no chat', async () => {
    const [first, second, third] = team.members;
    await h.core.proxySignups.signUpOnBehalf({ teamLeaderId: team.leader.id, personId: second!.id, workshopId: workshop.id });
    const waiting = await h.core.proxySignups.signUpOnBehalf({ teamLeaderId: team.leader.id, personId: third!.id, workshopId: workshop.id });
    expect(waiting).toMatchObject({ status: 'WAITLISTED', position: 1 });

    const list = await press(await press(await say('mijn team'), 'Iemand aanmelden'), 'Kies', first!.id);
    const done = await press(await press(list, 'Afmelden', workshop.id), 'Ja, meld af');
    expect(done.text).toBe(`${first!.name} is afgemeld voor “${workshop.title}”.`);
    const seats = await h.db.prisma.signup.findMany({ where: { workshopId: workshop.id, status: 'CONFIRMED' } });
    expect(seats.map((s) => s.personId).sort()).toEqual([second!.id, third!.id].sort());

    const posts = h.fake.callsTo('chat.postMessage').length;
    const worker = h.startWorker(2);
    try {
      const relayed = await eventually(() =>
        h.fake.callsTo('chat.postMessage').slice(posts).find((c) => String(c.args.text).startsWith(`Voor ${third!.name}.`)),
        15_000,
      );
      expect(relayed.args.channel).toBe(dm);
      expect(String(relayed.args.text)).toContain(`Er is een plek vrij. Je bent nu aangemeld voor “${workshop.title}”`);
    } finally {
      await worker.stop();
    }
    // The row is the member's own (their export, their erasure), delivered to the leader's Slack.
    const row = await h.db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'workshop.promoted', personId: third!.id } });
    expect(row).toMatchObject({ status: 'SENT', platform: 'SLACK' });
  });

  it('the day before, the team leader gets who goes where, with times and places (outbox, schedule)', async () => {
    const today = startOfLocalDay(new Date(), TZ);
    expect(await h.core.team.planTomorrow(new Date(today.getTime() + 15 * 3600_000))).toBe(1);
    // A second fire for the same day (another replica, a catch-up) plans nothing new.
    expect(await h.core.team.planTomorrow(new Date(today.getTime() + 15 * 3600_000 + 60_000))).toBe(0);
    const posts = h.fake.callsTo('chat.postMessage').length;
    const worker = h.startWorker(2);
    try {
      const list = await eventually(() => h.fake.callsTo('chat.postMessage').slice(posts).find((c) => String(c.args.text).startsWith('Wie van je team gaat morgen waarheen')), 15_000);
      expect(list.args.channel).toBe(dm);
      const text = JSON.stringify(list.args.blocks);
      for (const m of [team.members[1]!, team.members[2]!]) expect(text).toContain(`${m.name}: ${workshop.title}, 07:30–09:30, Gemeentewerf, kantine.`);
      expect(text).not.toContain(team.members[0]!.name);
    } finally {
      await worker.stop();
    }
  });

  it('the weekly toolbox goes out on the day the leader picked in “mijn”', async () => {
    const my = await say('mijn');
    expect(JSON.stringify(my.blocks)).toContain('Je team-overzicht komt elke maandag om 07:00.');
    const leader = await h.core.bot.actorFor({ platform: 'SLACK', tenantId: TEAM, userId: LEIDER.id });
    await h.core.bot.action(leader, { action: 'team.toolbox_day', value: '', form: { day: '4' } });
    expect((await h.db.prisma.person.findUniqueOrThrow({ where: { id: team.leader.id } })).toolboxWeekday).toBe(4);
    // A Thursday 07:00 fire plans the toolbox for this leader; a Monday fire does not.
    const thursday = new Date('2027-03-04T06:00:00Z');
    const monday = new Date('2027-03-01T06:00:00Z');
    const mine = () => h.db.prisma.outboxMessage.findMany({ where: { kind: 'team.toolbox', personId: team.leader.id } });
    await h.core.team.planToolbox(monday);
    expect(await mine()).toEqual([]);
    await h.core.team.planToolbox(thursday);
    await h.core.team.planToolbox(new Date(thursday.getTime() + 60_000));
    const rows = await mine();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: 'SLACK', idempotencyKey: `team-toolbox:${team.leader.id}:2027-03-04` });
    // Composed when it goes out: the same read-aloud week as "mijn team".
    const actor = await h.core.bot.actorFor({ platform: 'SLACK', tenantId: TEAM, userId: LEIDER.id });
    const composed = await h.core.bot.compose('team.toolbox', rows[0]!.payload as Record<string, unknown>, actor);
    expect(JSON.stringify(composed)).toContain('Goedemorgen allemaal!');
  });
});

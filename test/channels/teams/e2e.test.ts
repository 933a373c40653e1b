import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActionInput } from '../../../src/core/chat/bot.js';
import { aPerson, aWorkshop } from '../../support/builders.js';
import { aTeamsUser, installActivity, invokeActivity, messageActivity, uninstallActivity, type TeamsUser } from './support/activities.js';
import { buttonNamed, cardProblems, cardsOf, cardText } from './support/cards.js';
import { startTeamsBot, type TeamsBot } from './support/harness.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** Polls until `check` gives a value: the edit of a clicked message follows its answer. */
async function soon<T>(check: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
const ADMIN_AAD = '5a0c4a51-9d1e-4f57-8d9b-2f6a7c3e1b00';

describe('Teams end to end (TEAMS_INSECURE_DEV, real botbuilder + teams-ai against a fake connector)', () => {
  let bot: TeamsBot;
  let workshop: { id: string; title: string };

  beforeAll(async () => {
    bot = await startTeamsBot(() => ({ ADMIN_USERS: `teams:${ADMIN_AAD}` }));
    workshop = await aWorkshop(bot.db, { title: 'Excel voor beginners', capacity: 10 });
  });
  afterAll(async () => bot?.stop());
  beforeEach(() => bot.fake.clear());

  /** Sends an activity and returns the activities the bot posted in answer. */
  async function say(activity: unknown) {
    const before = bot.fake.activities().length;
    const res = await bot.post(activity);
    return { res, posted: bot.fake.activities().slice(before) };
  }

  async function workshopsCard(user: TeamsUser) {
    const { res, posted } = await say(messageActivity(bot.fake.serviceUrl, user, 'workshops'));
    expect(res.status).toBe(200);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.conversationId).toBe(user.conversationId);
    return cardsOf(posted[0]!.activity)[0]!;
  }

  it('warns at start-up that TEAMS_INSECURE_DEV accepts unauthenticated requests', () => {
    const warning = bot.logs.find((l) => l.level === 'warn' && String(l.msg).includes('TEAMS_INSECURE_DEV'));
    expect(warning).toBeDefined();
  });

  it('answers an install with a welcome card in Dutch and stores the conversation reference', async () => {
    const user = aTeamsUser();
    const { res, posted } = await say(installActivity(bot.fake.serviceUrl, user));
    expect(res.status).toBe(200);
    expect(posted).toHaveLength(1);
    const card = cardsOf(posted[0]!.activity)[0]!;
    expect(cardText(card)).toContain('Welkom bij Vliegwiel!');
    expect(cardText(card)).toContain('Wat kan Vliegwiel voor je doen?');
    expect(cardProblems(card)).toEqual([]);
    const identity = await bot.db.prisma.channelIdentity.findFirstOrThrow({
      where: { platform: 'TEAMS', userId: user.aadObjectId, tenantId: user.tenantId },
    });
    expect(identity.serviceUrl).toBe(bot.fake.serviceUrl);
    expect((identity.conversationRef as { conversation: { id: string } }).conversation.id).toBe(user.conversationId);
  });

  it('links a first contact to the imported person with the e-mail address from the roster', async () => {
    const imported = await aPerson(bot.db, { name: 'Imported', email: 'k.jansen@gemeente.nl', locale: 'en' });
    const user = aTeamsUser({ name: 'Kees Jansen', locale: 'nl-NL' });
    bot.fake.roster.set(user.id, { id: user.id, name: user.name, aadObjectId: user.aadObjectId, email: 'K.Jansen@gemeente.nl' });
    const { posted } = await say(installActivity(bot.fake.serviceUrl, user));
    const identity = await bot.db.prisma.channelIdentity.findFirstOrThrow({ where: { platform: 'TEAMS', userId: user.aadObjectId } });
    expect(identity.personId).toBe(imported.id);
    // The imported person's own language wins over the Teams client's.
    expect(cardText(cardsOf(posted[0]!.activity)[0])).toContain('Welcome to Vliegwiel!');
  });

  it.each([
    ['nl-NL', 'Aanmelden', 'Je bent aangemeld'],
    ['en-US', 'Sign up', 'You are signed up'],
  ])('%s: workshops card, then Action.Execute answers with the card updated in place', async (locale, button, signedUp) => {
    const user = aTeamsUser({ locale });
    const card = await workshopsCard(user);
    expect(cardText(card)).toContain(workshop.title);
    const click = buttonNamed(card, button);
    expect(click.verb).toBe('workshop.signup');

    const { res, posted } = await say(invokeActivity(bot.fake.serviceUrl, user, click.verb, click.data));
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: unknown };
    expect(body.statusCode).toBe(200);
    expect(body.type).toBe(ADAPTIVE);
    expect(cardText(body.value)).toContain(signedUp);
    expect(cardProblems(body.value)).toEqual([]);
    // The update carries the confirmation; nothing else is posted to the chat.
    expect(posted).toHaveLength(0);
    // The clicked message itself is edited too (right after the answer), so the user's other devices show the new card.
    const edit = await soon(() => bot.fake.calls.find((c) => c.method === 'PUT' && c.path.includes(user.conversationId)));
    expect(edit?.path).toBe(`/v3/conversations/${user.conversationId}/activities/1700000000000`);
    expect(cardsOf(edit!.body as Record<string, unknown>)[0]).toEqual(body.value);
    const person = await bot.db.prisma.channelIdentity.findFirstOrThrow({ where: { userId: user.aadObjectId } });
    const signup = await bot.db.prisma.signup.findFirst({ where: { workshopId: workshop.id, personId: person.personId } });
    expect(signup?.status).toBe('CONFIRMED');
  });

  it('asks before a dangerous click: Afmelden opens a confirming card whose button cancels', async () => {
    const user = aTeamsUser();
    const card = await workshopsCard(user);
    const signup = buttonNamed(card, 'Aanmelden');
    await bot.post(invokeActivity(bot.fake.serviceUrl, user, signup.verb, signup.data));
    const { posted } = await say(messageActivity(bot.fake.serviceUrl, user, 'mijn'));
    const my = cardsOf(posted[0]!.activity)[0]!;
    const showCard = JSON.stringify(my).includes('Action.ShowCard');
    expect(showCard).toBe(true);
    const cancel = buttonNamed(my, 'Afmelden');
    expect(cancel.verb).toBe('my.cancel');
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, cancel.verb, cancel.data));
    expect(cardText((res.body as { value: unknown }).value)).toContain('Je bent afgemeld');
  });

  it('still answers the click when the clicked message cannot be edited', async () => {
    const user = aTeamsUser();
    // The only call this click makes to an activity URL is the edit (the answer has no extra messages).
    bot.fake.failNext(/^\/v3\/conversations\/[^/]+\/activities\/[^/]+$/, { status: 404, body: { error: { code: 'NotFound' } } });
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, 'nav.help', { value: '' }));
    expect(res.status).toBe(200);
    expect(cardText((res.body as { value: unknown }).value)).toContain('Wat kan Vliegwiel voor je doen?');
    // (Edits of earlier tests' clicks may still arrive: only this user's chat counts.)
    const edits = () => bot.fake.calls.filter((c) => c.method === 'PUT' && c.path.includes(user.conversationId));
    await soon(() => edits().length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(edits()).toHaveLength(1);
  });

  it('answers an unknown verb with a friendly card, not an error status', async () => {
    const user = aTeamsUser({ locale: 'en-GB' });
    const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, 'no.such.thing', { value: '' }));
    expect(res.status).toBe(200);
    expect(cardText((res.body as { value: unknown }).value)).toContain('That button no longer works');
  });

  it('hands a submitted form to the core as the form id, its value and the field values', async () => {
    const core = bot.running.core.bot;
    const real = core.action.bind(core);
    const seen: ActionInput[] = [];
    // Observes the real Bot (it still does the work): the form values must arrive as the core expects them.
    core.action = async (actor, input) => {
      seen.push(input);
      return real(actor, input);
    };
    try {
      const user = aTeamsUser();
      const data = { value: 'draft-1', _multi: ['skills'], title: 'Archief ordenen', hours: 6, skills: 'excel,archief' };
      const res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, 'test.no-such-form', data));
      expect(res.status).toBe(200);
      expect(seen).toEqual([
        { action: 'test.no-such-form', value: 'draft-1', form: { title: 'Archief ordenen', hours: '6', skills: ['excel', 'archief'] } },
      ]);
      // No core form has this id, so the core answers that the button no longer works: still a card.
      expect(cardText((res.body as { value: unknown }).value)).toContain('Die knop werkt niet meer');
    } finally {
      core.action = real;
    }
  });

  it('understands a legacy Action.Submit (a message whose value names the verb)', async () => {
    const user = aTeamsUser();
    const submit = { ...messageActivity(bot.fake.serviceUrl, user, ''), value: { verb: 'nav.help', value: '' } };
    const { posted } = await say(submit);
    expect(cardText(cardsOf(posted[0]!.activity)[0])).toContain('Wat kan Vliegwiel voor je doen?');
  });

  it('answers plain words with plain text, in the person’s language', async () => {
    const user = aTeamsUser({ locale: 'en-US' });
    const { posted } = await say(messageActivity(bot.fake.serviceUrl, user, 'pause'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.activity.text).toContain('Messages are paused');
    const nl = aTeamsUser();
    const again = await say(messageActivity(bot.fake.serviceUrl, nl, '<p>pauze</p>'));
    expect(again.posted[0]!.activity.text).toContain('Berichten staan op pauze');
  });

  it('processes a message delivered twice only once', async () => {
    const user = aTeamsUser();
    const activity = messageActivity(bot.fake.serviceUrl, user, 'help');
    expect((await bot.post(activity)).status).toBe(200);
    expect((await bot.post(activity)).status).toBe(200);
    expect(bot.fake.activities()).toHaveLength(1);
  });

  it('marks a user who removed the app as unreachable', async () => {
    const user = aTeamsUser();
    await bot.post(installActivity(bot.fake.serviceUrl, user));
    await bot.post(uninstallActivity(bot.fake.serviceUrl, user));
    const identity = await bot.db.prisma.channelIdentity.findFirstOrThrow({ where: { userId: user.aadObjectId } });
    expect(identity.unreachableReason).toBe('app removed');
  });

  it('applies ADMIN_USERS to the Teams user with that Entra object id', async () => {
    const admin = aTeamsUser({ aadObjectId: ADMIN_AAD });
    const { posted } = await say(messageActivity(bot.fake.serviceUrl, admin, 'help'));
    expect(cardText(cardsOf(posted[0]!.activity)[0])).toContain('omroep');
    const other = await say(messageActivity(bot.fake.serviceUrl, aTeamsUser(), 'help'));
    expect(cardText(cardsOf(other.posted[0]!.activity)[0])).not.toContain('omroep');
  });

  it('sends a proactive message through the channel’s sender with the stored reference, and retries a 429 later', async () => {
    const user = aTeamsUser();
    await bot.post(installActivity(bot.fake.serviceUrl, user));
    const identity = await bot.db.prisma.channelIdentity.findFirstOrThrow({ where: { platform: 'TEAMS', userId: user.aadObjectId } });
    const target = {
      platform: 'TEAMS' as const,
      tenantId: identity.tenantId,
      userId: identity.userId,
      conversationRef: identity.conversationRef,
      serviceUrl: identity.serviceUrl,
    };
    const sender = bot.running.channels.find((c) => c.name === 'teams')!.sender;
    const reminder = { text: 'Morgen is je workshop.', blocks: [{ type: 'text' as const, text: 'Morgen is je workshop.' }] };
    bot.fake.clear();
    expect(await sender.send(target, reminder, 'reminder-1')).toMatchObject({ ok: true, ref: { deliveredActivityId: expect.any(String) } });
    expect(bot.fake.activities()).toEqual([
      { conversationId: user.conversationId, activity: expect.objectContaining({ text: 'Morgen is je workshop.' }) },
    ]);
    bot.fake.failNext(/\/activities/, { status: 429, headers: { 'retry-after': '3' } });
    expect(await sender.send(target, reminder, 'reminder-2')).toMatchObject({ ok: false, kind: 'retry', retryAfterMs: 3000 });
    // One delivered send plus exactly one refused attempt: the SDK did not wait out the Retry-After itself.
    expect(bot.fake.activities()).toHaveLength(2);
  });

  it('answers an unexpected failure with error.internal quoting the request id that is in the log', async () => {
    const user = aTeamsUser({ locale: 'en-US' });
    // A real fault, not a stub: the table the bot needs to know the user is briefly gone.
    await bot.db.prisma.$executeRawUnsafe('ALTER TABLE "ChannelIdentity" RENAME TO "ChannelIdentityAway"');
    let res;
    try {
      res = await bot.post(invokeActivity(bot.fake.serviceUrl, user, 'nav.help', { value: '' }));
    } finally {
      await bot.db.prisma.$executeRawUnsafe('ALTER TABLE "ChannelIdentityAway" RENAME TO "ChannelIdentity"');
    }
    expect(res.status).toBe(200);
    const text = cardText((res.body as { value: unknown }).value);
    const code = /code ([0-9a-f]{8})/.exec(text)?.[1];
    expect(text).toContain('Something went wrong on our side');
    expect(bot.logs.some((l) => l.level === 'error' && l.requestId === code)).toBe(true);
  });

  it('refuses what is not an activity with 400', async () => {
    expect((await bot.post('not json')).status).toBe(400);
    expect((await bot.post({ type: 'message', text: 'hi' })).status).toBe(400);
  });
});

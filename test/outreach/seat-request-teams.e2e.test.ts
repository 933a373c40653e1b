import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aWorkshop } from '../support/builders.js';
import { eventually } from '../channels/slack/support/fake-slack.js';
import { aTeamsUser, installActivity, invokeActivity } from '../channels/teams/support/activities.js';
import { buttonNamed, cardsOf, cardText } from '../channels/teams/support/cards.js';
import { startTeamsBot, type TeamsBot } from '../channels/teams/support/harness.js';

/** The whole bot (startVliegwiel): the public page on its own HTTP server, the outbox, Teams against a fake connector. */
let bot: TeamsBot;
beforeAll(async () => {
  bot = await startTeamsBot();
}, 120_000);
afterAll(async () => bot?.stop());

describe('a seat request from the public page, decided by the team leader in Teams', () => {
  it('refused and confirmed with the card’s buttons; /aanbod of the running bot takes the request', async () => {
    const leaderUser = aTeamsUser({ name: 'Ilse Hoogland' });
    expect((await bot.post(installActivity(bot.fake.serviceUrl, leaderUser))).status).toBe(200);
    const identity = await bot.db.prisma.channelIdentity.findFirstOrThrow({ where: { platform: 'TEAMS', userId: leaderUser.aadObjectId } });
    const leader = await bot.db.prisma.person.update({ where: { id: identity.personId }, data: { roles: ['EMPLOYEE', 'MANAGER'], department: 'Sportpark' } });
    const workshop = await aWorkshop(bot.db, { title: 'Zwemles geven: veilig in het water', capacity: 4 });

    // The page of the running bot lists the team leader to choose.
    const form = await fetch(`${bot.running.url}/aanbod/vraag/${workshop.id}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Ilse Hoogland (Sportpark)');

    const ask = (naam: string) =>
      fetch(`${bot.running.url}/aanbod/vraag/${workshop.id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ naam, teamleider: leader.id, website: '' }).toString(),
      });
    expect((await ask('Sem de Boer')).status).toBe(200);
    expect((await ask('Fatima El Amrani')).status).toBe(200);

    const cardAbout = (name: string) =>
      eventually(
        () =>
          bot.fake
            .activities()
            .filter((a) => a.conversationId === leaderUser.conversationId)
            .flatMap((a) => cardsOf(a.activity))
            .find((c) => cardText(c).includes(`${name} wil naar Zwemles geven`)),
        15_000,
      );
    const click = async (card: unknown, label: string) => {
      const b = buttonNamed(card, label);
      const res = await bot.post(invokeActivity(bot.fake.serviceUrl, leaderUser, b.verb, b.data));
      expect(res.status).toBe(200);
      return cardText((res.body as { value: unknown }).value);
    };

    const sem = await cardAbout('Sem de Boer');
    expect(cardText(sem)).toContain('Pas dan is de plek geboekt.');
    expect(await click(sem, 'Weigeren')).toContain('Je hebt de vraag van Sem de Boer geweigerd. Er is niets geboekt.');
    expect(await bot.db.prisma.person.count({ where: { name: 'Sem de Boer' } })).toBe(0);

    const fatima = await cardAbout('Fatima El Amrani');
    expect(await click(fatima, 'Bevestigen')).toContain('Fatima El Amrani is aangemeld voor Zwemles geven: veilig in het water.');
    const person = await bot.db.prisma.person.findFirstOrThrow({ where: { name: 'Fatima El Amrani' } });
    expect(person.managerId).toBe(leader.id);
    const signups = await bot.db.prisma.signup.findMany({ where: { workshopId: workshop.id } });
    expect(signups.map((s) => [s.personId, s.status, s.signedUpById])).toEqual([[person.id, 'CONFIRMED', leader.id]]);
    expect(await click(sem, 'Bevestigen')).toContain('Deze vraag is al afgehandeld of verlopen.');
  }, 90_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleTurn, type ChatInput } from '../../src/console/console-turn.js';
import { renderText, type Pressable } from '../../src/console/render-text.js';
import { checkB1 } from '../../src/core/language/b1.js';
import type { Message } from '../../src/core/messages.js';
import type { Database } from '../../src/db/database.js';
import { consoleDeps } from '../../src/runtime/admin-deps.js';
import { FixedClock, testCore } from '../support/builders.js';
import { cli } from '../support/cli.js';
import { testDatabase } from '../support/db.js';

// A Monday two weeks before the demo's learning week: nothing is on this week, the learning week is next.
const NOW = new Date('2027-03-01T07:00:00Z');
const MANAGER = 'manager@demo.vliegwiel.nl';
const HR = 'hr@demo.vliegwiel.nl';

/** The console chat as `npm run chat -- --as <email>` runs it: a line in, the text out, numbers press buttons. */
function consoleChat(deps: ReturnType<typeof consoleDeps>, email: string) {
  let pressables: Pressable[] = [];
  return async (line: string): Promise<{ screen: string; messages: Message[] }> => {
    let input: ChatInput = { text: line };
    if (/^\d+$/.test(line)) {
      const button = pressables[Number(line) - 1]?.button;
      expect(button, `a button numbered ${line}`).toBeDefined();
      input = { action: button!.action, value: button!.value };
    }
    const result = await consoleTurn(deps, email, input);
    const messages = [...(result.reply.update ? [result.reply.update] : []), ...result.reply.messages, ...result.inbox];
    pressables = [];
    const screens = messages.map((m) => {
      const r = renderText(m, pressables.length + 1, result.locale);
      pressables.push(...r.pressables);
      return r.text;
    });
    return { screen: screens.join('\n\n'), messages };
  };
}

/** The number shown before `label`, the first one after the line `after` (or anywhere when not given). */
function numberOf(screen: string, label: string, after = ''): string {
  const at = screen.indexOf(after);
  expect(at, `“${after}” on the screen:\n${screen}`).toBeGreaterThanOrEqual(0);
  const m = new RegExp(`\\[(\\d+)\\] ${label}`).exec(screen.slice(at));
  expect(m, `[n] ${label} after “${after}” on the screen:\n${screen}`).not.toBeNull();
  return m![1]!;
}

describe('the demo depot team: outdoor workers without a chat account, reached through the demo team leader', () => {
  let db: Database;
  let deps: ReturnType<typeof consoleDeps>;
  beforeAll(async () => {
    db = await testDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      const seeded = await cli(db, ['seed', 'demo'], { now: NOW });
      expect(seeded.stderr).toBe('');
      expect(seeded.code).toBe(0);
      expect(seeded.stdout).toContain(i === 0 ? 'depot team (no chat account): 8 created' : 'depot team (no chat account): 0 created, 0 updated, 8 unchanged');
    }
    deps = consoleDeps(testCore(db, new FixedClock(NOW)), db);
  });
  afterAll(async () => db?.close());

  it('exists once after seeding twice: eight people without identities, in the demo manager’s team', async () => {
    const manager = await db.prisma.person.findUniqueOrThrow({ where: { email: MANAGER } });
    const depot = await db.prisma.person.findMany({ where: { email: { endsWith: '@dijkstad.example' }, identities: { none: {} } }, include: { identities: true } });
    expect(depot).toHaveLength(8);
    expect(depot.every((p) => p.managerId === manager.id && p.department === 'Buitendienst' && p.identities.length === 0)).toBe(true);
    expect(new Set(depot.map((p) => p.name)).size).toBe(8);
    // The outdoor worker with a chat account is still there, as before.
    const kees = await db.prisma.person.findUniqueOrThrow({ where: { email: 'medewerker@demo.vliegwiel.nl' }, include: { identities: true } });
    expect(kees).toMatchObject({ name: 'Kees van Dalen', managerId: manager.id });
    expect(kees.identities).toHaveLength(1);
  });

  it('lets the demo manager read the week aloud, sign a member up through the numbered buttons, and HR see “aangemeld door”', async () => {
    const manager = consoleChat(deps, MANAGER);
    const toolbox = await manager('mijn team');
    expect(toolbox.screen).toContain('== Je team deze week ==');
    expect(toolbox.screen).toContain('Dit zijn de volgende workshops:');
    expect(toolbox.screen).toContain('Privacy in je dagelijkse werk: maandag 15 maart om 09:30, in Stadhuis Dijkstad - Raadzaal.');
    expect(toolbox.screen).toContain('Grip op stress: dinsdag 16 maart om 09:30, online.');
    const read = toolbox.messages[0]!.blocks.find((b) => b.type === 'text');
    expect(read && 'text' in read && checkB1(read.text)).toEqual([]);

    // Members by name, four a page: Erik van Leeuwen (no chat) is the fourth.
    const members = await manager(numberOf(toolbox.screen, 'Iemand aanmelden'));
    expect(members.screen).toContain('* Erik van Leeuwen\n  geen chat');
    const workshops = await manager(numberOf(members.screen, 'Kies', '* Erik van Leeuwen'));
    expect(workshops.screen).toContain('== Workshops voor Erik van Leeuwen ==');
    const title = /\* (.+)\n(?:.*\n)*?.*\[\d+\] Aanmelden/.exec(workshops.screen)?.[1];
    expect(title).toBeDefined();

    const ask = await manager(numberOf(workshops.screen, 'Aanmelden', `* ${title}`));
    expect(ask.screen).toContain(`Heeft Erik van Leeuwen gezegd dat die mee wil naar “${title}”?`);
    const done = await manager(numberOf(ask.screen, 'Ja, meld aan'));
    expect(done.screen).toContain(`Erik van Leeuwen is aangemeld voor “${title}”.`);

    const erik = await db.prisma.person.findUniqueOrThrow({ where: { email: 'e.vanleeuwen@dijkstad.example' }, include: { identities: true } });
    const signup = await db.prisma.signup.findFirstOrThrow({ where: { personId: erik.id }, include: { signedUpBy: true, workshop: true } });
    expect(signup).toMatchObject({ status: 'CONFIRMED', signedUpBy: { email: MANAGER }, workshop: { title } });
    expect(erik.identities).toHaveLength(0);

    // HR's list of who comes: Erik, signed up by his team leader.
    const hr = consoleChat(deps, HR);
    let list = await hr('workshops beheren');
    for (let page = 0; !list.screen.includes(`* ${title}`) && page < 3; page++) list = await hr(numberOf(list.screen, 'Volgende'));
    const participants = await hr(numberOf(list.screen, 'Deelnemers', `* ${title}`));
    expect(participants.screen).toContain('• Erik van Leeuwen, Gemeente Dijkstad – aangemeld door Ruud Kooijman');
  });
});

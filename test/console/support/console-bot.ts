import { aPerson } from '../../support/builders.js';
import { startTeamsBot, type TeamsBot } from '../../channels/teams/support/harness.js';
import type { FakeConnector } from '../../channels/teams/support/fake-connector.js';
import { aTeamsUser, messageActivity, type TeamsUser } from '../../channels/teams/support/activities.js';
import type { Role } from '../../../src/core/people/person.js';

export interface ConsoleBot extends TeamsBot {
  /** A person with a Teams account (the identity is made by their first message). */
  person(roles: Role[], over?: { name?: string; managerId?: string; department?: string }): Promise<{ id: string; user: TeamsUser }>;
  /** Types `beheer` in Teams as this user; the bot's answer text. */
  say(user: TeamsUser, text: string): Promise<string>;
  /** The one-time link in the answer to `beheer`. */
  linkFor(user: TeamsUser): Promise<string>;
  /** A person (as `person`) who asked for a link in chat and opened it: a client with their console session. */
  signedIn(roles: Role[], over?: { name?: string; managerId?: string; department?: string }): Promise<{ id: string; user: TeamsUser; client: CookieClient }>;
}

/** The whole bot with Teams against a fake connector: links come from the chat, through the real channel stack. */
export async function startConsoleBot(env: (fake: FakeConnector) => Record<string, string> = () => ({})): Promise<ConsoleBot> {
  const bot = await startTeamsBot(env);
  const say = async (user: TeamsUser, text: string) => {
    const before = bot.fake.activities().length;
    const res = await bot.post(messageActivity(bot.fake.serviceUrl, user, text));
    if (res.status !== 200) throw new Error(`teams answered ${res.status}`);
    return JSON.stringify(bot.fake.activities().slice(before).map((a) => a.activity));
  };
  const consoleBot: ConsoleBot = {
    ...bot,
    say,
    async signedIn(roles, over = {}) {
      const p = await consoleBot.person(roles, over);
      const client = new CookieClient(bot.running.url);
      await client.get(await consoleBot.linkFor(p.user));
      return { ...p, client };
    },
    async person(roles, over = {}) {
      const user = aTeamsUser({ name: over.name ?? `Persoon ${roles.join('-')}` });
      const p = await aPerson(bot.db, { roles, name: user.name, ...(over.managerId ? { managerId: over.managerId } : {}), ...(over.department ? { department: over.department } : {}) });
      await bot.db.prisma.channelIdentity.create({ data: { platform: 'TEAMS', userId: user.aadObjectId, tenantId: user.tenantId, personId: p.id } });
      return { id: p.id, user };
    },
    async linkFor(user) {
      const answer = await say(user, 'beheer');
      const link = /https?:\/\/[^\s"\\]+\/beheer\/login\/[\w-]+/.exec(answer)?.[0];
      if (!link) throw new Error(`no link in the answer: ${answer.slice(0, 500)}`);
      return link;
    },
  };
  return consoleBot;
}

/** A tiny browser-less client that keeps the console cookie. */
export class CookieClient {
  cookie = '';
  constructor(readonly base: string) {}
  async get(path: string, headers: Record<string, string> = {}) {
    const res = await fetch(new URL(path, this.base), { redirect: 'manual', headers: { cookie: this.cookie, ...headers } });
    this.keep(res);
    return res;
  }
  async post(path: string, form: Record<string, string>) {
    const res = await fetch(new URL(path, this.base), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    this.keep(res);
    return res;
  }
  private keep(res: Response) {
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
  }
  async csrf(path = '/beheer') {
    const text = await (await this.get(path)).text();
    return /name="csrf" value="([^"]+)"/.exec(text)?.[1] ?? '';
  }
}

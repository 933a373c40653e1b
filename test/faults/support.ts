import pg from 'pg';
import { catalogues } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import type { FakeSlack } from '../channels/slack/support/fake-slack.js';
import { click, FORM, postSigned } from '../channels/slack/support/slack-requests.js';

/** Slack people of one workspace, written in two statements. */
export async function slackCrowd(db: Database, n: number, prefix: string): Promise<string[]> {
  await db.prisma.$executeRawUnsafe(`
    WITH p AS (INSERT INTO "Person" (id, name, locale, "updatedAt")
               SELECT gen_random_uuid(), 'Collega ' || i, 'nl', now() FROM generate_series(1, ${n}) i RETURNING id, name)
    INSERT INTO "ChannelIdentity" (id, platform, "tenantId", "userId", "personId", "lastSeenAt")
    SELECT gen_random_uuid(), 'SLACK', 'T1', '${prefix}' || replace(p.name, 'Collega ', ''), p.id, now() FROM p`);
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/** Ends every other session of the database: to the bot, PostgreSQL restarted. */
export async function terminateBackends(directUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: directUrl });
  await admin.connect();
  const { rows } = await admin.query<{ n: number }>(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
  );
  await admin.end();
  return rows[0]!.n;
}

const prefix = (key: 'workshops.signed_up' | 'workshops.signed_up_again' | 'workshops.waitlisted' | 'workshops.waitlisted_again') =>
  catalogues.nl[key].split(/[{“]/)[0]!.trim();
const DONE = (['workshops.signed_up', 'workshops.signed_up_again', 'workshops.waitlisted', 'workshops.waitlisted_again'] as const).map(prefix);
const TRY_AGAIN = catalogues.nl['error.internal'].split(' (')[0]!;

export type Outcome = 'done' | 'try-again';

let attempts = 0;

/**
 * A person clicks "Aanmelden" in the ephemeral list of a slash command, through one replica's HTTP endpoint,
 * and reads the answer Slack shows them. Returns what the answer said; throws when no answer came at all.
 */
export async function clickSignup(fake: FakeSlack, botUrl: string, userId: string, workshopId: string): Promise<Outcome> {
  const id = `load-${++attempts}`;
  const button = { action_id: 'workshop.signup', value: JSON.stringify({ w: workshopId, q: '', o: 0 }), text: { text: 'Aanmelden' } };
  const res = await postSigned(`${botUrl}/slack/events`, click(userId, button, { kind: 'ephemeral', channel: 'C0LOAD', responseUrl: fake.responseUrl(id) }), FORM);
  if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${userId}`);
  const until = Date.now() + 60_000;
  for (;;) {
    const texts = fake.responses.filter((r) => r.id === id).map((r) => String(r.body.text ?? ''));
    if (texts.some((t) => DONE.some((d) => t.startsWith(d)))) return 'done';
    if (texts.some((t) => t.startsWith(TRY_AGAIN))) return 'try-again';
    if (Date.now() > until) throw new Error(`no answer for ${userId} (${id}): ${JSON.stringify(texts)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** As a person does: click, and when the bot says "try again later", try again a little later. */
export async function signUpUntilDone(fake: FakeSlack, bots: () => string[], userId: string, workshopId: string, log: Outcome[]) {
  for (let attempt = 0; attempt < 8; attempt++) {
    const urls = bots();
    const outcome = await clickSignup(fake, urls[(attempt + Number(userId.replace(/\D/g, ''))) % urls.length]!, userId, workshopId);
    log.push(outcome);
    if (outcome === 'done') return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${userId} never got signed up`);
}

export async function health(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/healthz`)).status;
  } catch {
    return 0;
  }
}

export async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not reached in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

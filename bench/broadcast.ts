import { openRepositories } from '../src/db/index.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCore } from '../src/app.js';
import { everyone } from '../src/core/broadcasts/broadcast.js';
import type { Database } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { fakePlatforms, type Faults, type PlatformLimits } from './fake-platforms.js';
import { benchDatabase, figure } from './postgres.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The platforms' published limits, as the fakes enforce them and as the bot is configured by default. */
const LIMITS: PlatformLimits = { slackWorkspace: 10, slackChannel: 1, teamsTenant: 30, teamsConversation: 7 };
const FAULTS: Faults = { rate429: 0.005, rate5xx: 0.005, retryAfterSeconds: 1 };
/** A region: one Slack workspace and three municipalities' Teams tenants, people spread by what each can take. */
const TENANTS = 3;

interface Run {
  recipients: number;
  limits: boolean;
  concurrency: number;
  /** Share of the recipients on Slack (the rest on Teams); 10 % by default. */
  slackShare?: number;
  /** The project's Slack and Teams senders (SDKs), or minimal HTTP senders that show the engine's own capacity. */
  senders: 'real' | 'lean';
}

/** N employees (10 % on Slack, the rest over the Teams tenants), one HR author, and a drafted broadcast to them. */
async function seed(db: Database, n: number, teamsUrl: string, slackShare = 0.1) {
  const slack = Math.round(n * slackShare);
  await db.prisma.$executeRaw`
    WITH p AS (INSERT INTO "Person" (id, name, locale, "updatedAt")
               SELECT gen_random_uuid(), 'Collega ' || i, CASE WHEN i % 10 = 0 THEN 'en' ELSE 'nl' END, now()
                 FROM generate_series(1, ${n}) i RETURNING id),
         numbered AS (SELECT id, row_number() OVER () AS i FROM p)
    INSERT INTO "ChannelIdentity" (id, platform, "tenantId", "userId", "personId", "conversationRef", "serviceUrl", "lastSeenAt")
    SELECT gen_random_uuid(),
           CASE WHEN i <= ${slack} THEN 'SLACK' ELSE 'TEAMS' END::"Platform",
           CASE WHEN i <= ${slack} THEN 'TBENCH' ELSE 'tenant-' || (i % ${TENANTS}) END,
           CASE WHEN i <= ${slack} THEN 'U' || i ELSE '29:' || i END,
           id,
           CASE WHEN i <= ${slack} THEN to_jsonb('D' || i)
                ELSE jsonb_build_object('conversation', jsonb_build_object('id', 'a:tenant-' || (i % ${TENANTS}) || ':' || i,
                                        'tenantId', 'tenant-' || (i % ${TENANTS}), 'conversationType', 'personal'),
                                        'serviceUrl', ${teamsUrl}::text, 'channelId', 'msteams',
                                        'bot', jsonb_build_object('id', '28:bench'), 'user', jsonb_build_object('id', '29:' || i)) END,
           CASE WHEN i <= ${slack} THEN NULL ELSE ${teamsUrl}::text END,
           now()
      FROM numbered`;
  // A live database has statistics on its people; a freshly seeded one gets them now.
  await db.prisma.$executeRawUnsafe('ANALYZE');
  const author = await db.prisma.person.create({ data: { name: 'HR', roles: ['HR'], locale: 'nl' } });
  await db.prisma.channelIdentity.create({ data: { platform: 'SLACK', tenantId: 'TBENCH', userId: 'UHR', personId: author.id, conversationRef: 'DHR' } });
  const core = createCore(openRepositories(db), { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: [], publicUrl: 'http://127.0.0.1' }, createLogger('silent'));
  const b = await core.ctx.broadcasts.create(
    {
      content: { nl: { title: 'Leerweek', text: 'Doe mee aan de leerweek van de regio.' }, en: { title: 'Learning week', text: 'Join the region’s learning week.' } },
      button: { kind: 'link', url: 'https://example.org/leerweek', secret: 'bench' },
      audience: { ...everyone(), roles: ['EMPLOYEE'] },
      scheduledAt: null,
    },
    author.id,
    { actorId: author.id, action: 'broadcast.compose' },
  );
  const expected = [
    ...Array.from({ length: slack }, (_, k) => `D${k + 1}`),
    ...Array.from({ length: n - slack }, (_, k) => `a:tenant-${(k + slack + 1) % TENANTS}:${k + slack + 1}`),
  ];
  return { authorId: author.id, broadcastId: b.id, expected, slack };
}

/**
 * The engine compiled to plain JavaScript, as `npm start` runs the bot (from dist/): run through tsx, the
 * on-the-fly compiler alone adds some 80 MB to the memory being measured.
 */
export async function compiledEngine(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = path.join(ROOT, '.vliegwiel-test', 'bench', 'broadcast-engine.mjs');
  await build({ entryPoints: [path.join(ROOT, 'bench/broadcast-engine.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}

/** How `npm start` runs the bot: package.json `config.nodeFlags` (its heap) and `config.mallocEnv` (its allocator). */
function runtime(): { flags: string; env: Record<string, string> } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { config?: { nodeFlags?: string; mallocEnv?: string } };
  const env = (pkg.config?.mallocEnv ?? '').split(' ').filter(Boolean).map((kv) => kv.split('=') as [string, string]);
  return { flags: pkg.config?.nodeFlags ?? '', env: Object.fromEntries(env) };
}

function engine(file: string, env: Record<string, string>): Promise<{ pressedAt: number; enqueuedAt: number; doneAt: number; idleRssMb: number; maxRssMb: number; memory: Record<string, number>; cpuSeconds: number; rows: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    // The bot's own runtime flags (`npm start`), then ENGINE_NODE_ARGS, which win: e.g. `--max-old-space-size=160`
    // to see the bot with another heap, or `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where its time goes.
    const bot = runtime();
    const args = `${bot.flags} ${process.env.ENGINE_NODE_ARGS ?? ''}`.split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...args, file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...bot.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as never);
      else reject(new Error(`engine exited ${code}: ${err.slice(-2000)}`));
    });
  });
}

/** One broadcast through the fakes; returns what the fakes counted, recipient by recipient. */
export async function run({ recipients, limits, concurrency, slackShare, senders }: Run, file: string) {
  const { db, url, dispose } = await benchDatabase(4);
  const fakes = await fakePlatforms({ limits: limits ? LIMITS : null, faults: FAULTS });
  try {
    const s = await seed(db, recipients, fakes.teamsUrl, slackShare);
    const e = await engine(file, {
      DATABASE_URL: url,
      BROADCAST_ID: s.broadcastId,
      AUTHOR_ID: s.authorId,
      SLACK_URL: fakes.slackUrl,
      LIMITS: limits ? 'on' : 'off',
      CONCURRENCY: String(concurrency),
      SENDERS: senders,
    });
    let lost = 0;
    let duplicates = 0;
    for (const c of s.expected) {
      const n = fakes.delivered.get(c) ?? 0;
      if (n === 0) lost++;
      else duplicates += n - 1;
    }
    const seconds = (fakes.stats.last - e.pressedAt) / 1000;
    // What the limits allow: every bucket in use at its limit (people are spread in proportion to the limits).
    const allowed = LIMITS.slackWorkspace + TENANTS * LIMITS.teamsTenant;
    return { ...e, lost, duplicates, seconds, perSecond: recipients / seconds, allowed, fakes: fakes.stats, enqueueSeconds: (e.enqueuedAt - e.pressedAt) / 1000 };
  } finally {
    await fakes.close();
    await dispose();
  }
}

/**
 * Broadcasts through fake Slack and Teams APIs that enforce the platforms' limits and inject 429s and 5xx:
 * 3,500 recipients with the limits on (achieved vs allowed rate), 100,000 with the limits off (throughput, lost,
 * duplicates, memory of the bot process), both with the whole bot as `npm start` runs it; and the
 * 100,000 once more with minimal HTTP senders, to show what the outbox engine does apart from the chat SDKs.
 */
export async function broadcast() {
  const file = await compiledEngine();
  const limited = await run({ recipients: 3500, limits: true, concurrency: 32, senders: 'real' }, file);
  process.stderr.write(`# 3,500 with limits: ${JSON.stringify(limited)}\n`);
  figure('broadcast_allowed_rate_ratio', Math.min(1, limited.perSecond / limited.allowed), 'ratio');
  figure('broadcast_limited_per_s', limited.perSecond, 'deliveries/s');
  figure('broadcast_limited_allowed_per_s', limited.allowed, 'deliveries/s');
  figure('broadcast_limited_seconds', limited.seconds, 's');
  figure('broadcast_limited_lost', limited.lost, 'recipients');
  figure('broadcast_limited_duplicates', limited.duplicates, 'deliveries');
  figure('broadcast_limited_throttled', limited.fakes.throttled, 'responses');

  const big = await run({ recipients: 100_000, limits: false, concurrency: 32, senders: 'real' }, file);
  process.stderr.write(`# 100,000 without limits: ${JSON.stringify(big)}\n`);
  figure('broadcast_unlimited_per_s', big.perSecond, 'deliveries/s');
  figure('broadcast_seconds', big.seconds, 's');
  figure('broadcast_enqueue_seconds', big.enqueueSeconds, 's');
  figure('broadcast_lost', big.lost, 'recipients');
  figure('broadcast_duplicates', big.duplicates, 'deliveries');
  figure('broadcast_idle_rss_mb', big.idleRssMb, 'MB');
  figure('broadcast_peak_rss_mb', big.maxRssMb, 'MB');
  figure('broadcast_peak_heap_used_mb', big.memory.heapUsedMb ?? 0, 'MB');
  figure('broadcast_cpu_ms_per_delivery', (1000 * big.cpuSeconds) / 100_000, 'ms');
  figure('broadcast_injected_faults', big.fakes.injected429 + big.fakes.injected5xx, 'responses');

  const engine = await run({ recipients: 100_000, limits: false, concurrency: 32, senders: 'lean' }, file);
  process.stderr.write(`# 100,000 without limits, minimal senders: ${JSON.stringify(engine)}\n`);
  figure('broadcast_engine_per_s', engine.perSecond, 'deliveries/s');
  figure('broadcast_engine_lost', engine.lost, 'recipients');
  figure('broadcast_engine_duplicates', engine.duplicates, 'deliveries');
  figure('broadcast_engine_peak_rss_mb', engine.maxRssMb, 'MB');
  figure('broadcast_engine_cpu_ms_per_delivery', (1000 * engine.cpuSeconds) / 100_000, 'ms');
}

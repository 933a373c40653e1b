import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgres } from '../support/db.js';
import { tempDataDir } from '../support/embedded-postgres.js';
import { runEntry, waitForReady } from '../support/processes.js';

describe('the bot as a process on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDataDir('vw-proc-');
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('starts, serves health and metrics, takes CLI and console commands while running, and stops cleanly on SIGTERM', async () => {
    const env = { DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' };
    const bot = runEntry('src/main.ts', [], env);
    const url = await waitForReady(bot);
    expect(bot.output().stdout.trim().split('\n')).toEqual([`ready ${url}`]);
    expect(bot.output().stderr).toContain('npm run chat');

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^# TYPE vliegwiel_process_cpu_user_seconds_total counter$/m);
    expect(metrics).toContain('vliegwiel_http_requests_total{route="/healthz",status="2xx"} 1');

    // The CLI and the console chat use the running bot's PostgreSQL server, and leave it running.
    const seed = await runEntry('src/cli/main.ts', ['seed', 'demo'], env).done;
    expect(seed.stderr).toBe('');
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/people: \d+ created/);
    const again = await runEntry('src/cli/main.ts', ['seed', 'demo'], env).done;
    expect(again.stdout).toMatch(/people: 0 created, 0 updated, \d+ unchanged/);
    expect(again.stdout).toMatch(/workshops: 0 created, 0 updated, 12 unchanged/);
    // The depot team without chat accounts (issue 18) is there once; test/demo/depot-team.test.ts checks it in full.
    expect(seed.stdout).toContain('depot team (no chat account): 8 created');
    expect(again.stdout).toContain('depot team (no chat account): 0 created, 0 updated, 8 unchanged');

    const csv = path.join(dataDir, 'people.csv');
    await writeFile(csv, '\uFEFFplatform;platform_user_id;email;name;organization;department;education_level;role;locale;skills\r\n;;nieuw@x.example;Nieuw;Gemeente Nieuw;;;employee;nl;\r\n');
    const imported = await runEntry('src/cli/main.ts', ['import', 'people', csv], env).done;
    expect(imported.stdout).toContain('people: 1 created');

    const chat = await runEntry('src/console/main.ts', ['--as', 'medewerker@demo.vliegwiel.nl'], env, 'workshops\n1\nmijn\n').done;
    expect(chat.code).toBe(0);
    expect(chat.stdout).toContain('[1] Aanmelden');
    expect(chat.stdout).toContain('Je bent aangemeld voor');
    expect(chat.stdout).toMatch(/== Mijn aanmeldingen ==\n\n\* /);
    expect(chat.stdout).toContain('Vliegwiel chat in de console.');
    // The welcome line follows the person's language, like everything after it.
    const english = await runEntry('src/console/main.ts', ['--as', 'employee@demo.vliegwiel.nl'], env, 'help\n').done;
    expect(english.code).toBe(0);
    expect(english.stdout).toContain('Vliegwiel console chat. Type words (help, workshops, my, jobs, reflect …)');

    const out = path.join(dataDir, 'lijst.csv');
    const exported = await runEntry('src/cli/main.ts', ['export', 'signups', '--workshop', 'miw-2027-01', '--out', out], env).done;
    expect(exported.code).toBe(0);
    const list = await readFile(out, 'utf8');
    expect(list.startsWith('\uFEFFworkshop;titel;start;naam')).toBe(true);
    expect(list).toContain('medewerker@demo.vliegwiel.nl');
    const unknown = await runEntry('src/cli/main.ts', ['export', 'signups', '--workshop', 'nope'], env).done;
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Unknown workshop key: nope');

    // Starting a second bot on the same directory is refused with a clear message.
    const second = await runEntry('src/main.ts', [], env).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by process \d+/);

    bot.child.kill('SIGTERM');
    const end = await bot.done;
    expect(end.code).toBe(0);
    expect(end.stderr).toContain('"msg":"stopping"');

    // After a restart the data is still there.
    const restarted = runEntry('src/main.ts', [], env);
    const url2 = await waitForReady(restarted);
    const chat2 = await runEntry('src/console/main.ts', ['--as', 'medewerker@demo.vliegwiel.nl'], env, 'mijn\n').done;
    expect(chat2.stdout).toMatch(/== Mijn aanmeldingen ==\n\n\* /);
    expect((await fetch(`${url2}/healthz`)).status).toBe(200);
    restarted.child.kill('SIGINT');
    expect((await restarted.done).code).toBe(0);
  }, 180_000);

  it('refuses to start on a bad setting, naming it, and exits 1', async () => {
    const r = await runEntry('src/main.ts', [], { DATA_DIR: dataDir, PORT: 'eighty' }).done;
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Invalid setting PORT: PORT must be a whole number from 0 to 65535');
    expect(r.stdout).toBe('');
  });
});

describe('the bot as a process on PostgreSQL', () => {
  it('runs on DATABASE_URL, and the CLI works on the same database at the same time', async () => {
    const db = await testPostgres(2);
    try {
      const env = { DATABASE_URL: db.url, PORT: '0' };
      const bot = runEntry('src/main.ts', [], env);
      const url = await waitForReady(bot);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const seed = await runEntry('src/cli/main.ts', ['seed', 'demo'], env).done;
      expect(seed.code).toBe(0);
      expect(await db.prisma.workshop.count()).toBe(12);
      const grant = await runEntry('src/cli/main.ts', ['role', 'grant', 'employee@demo.vliegwiel.nl', 'manager'], env).done;
      expect(grant.stdout.trim()).toBe('employee@demo.vliegwiel.nl: employee, manager');
      bot.child.kill('SIGTERM');
      expect((await bot.done).code).toBe(0);
    } finally {
      await db.close();
    }
  }, 120_000);
});

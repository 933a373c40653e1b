import readline from 'node:readline';
import { coreSettings, createCore } from '../app.js';
import { ConfigError, loadConfig } from '../config.js';
import { t } from '../core/i18n/index.js';
import type { Locale, Message } from '../core/messages.js';
import { EmbeddedDatabaseError, openDatabase, openRepositories, type Database } from '../db/index.js';
import { createLogger } from '../logger.js';
import { consoleDeps } from '../runtime/admin-deps.js';
import { consoleTurn, type ChatInput, type ChatResult } from './console-turn.js';
import { renderText, type Pressable } from './render-text.js';

function parseArgs(argv: string[]) {
  const i = argv.indexOf('--as');
  const as = i >= 0 ? argv[i + 1] : undefined;
  if (!as || !as.includes('@')) {
    process.stderr.write(
      'usage: npm run chat -- --as <e-mail> [--create]   (e.g. --as medewerker@demo.vliegwiel.nl after `vliegwiel seed demo`;\n' +
        '       --create makes a new person when nobody has that address yet)\n',
    );
    process.exit(2);
  }
  return { as, create: argv.includes('--create') };
}

/** Lines of stdin one at a time, terminal or pipe; null at end of input. */
function lineReader() {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  const queue: string[] = [];
  const waiting: ((l: string | null) => void)[] = [];
  let ended = false;
  rl.on('line', (l) => (waiting.length ? waiting.shift()!(l) : queue.push(l)));
  rl.on('close', () => {
    ended = true;
    while (waiting.length) waiting.shift()!(null);
  });
  return (): Promise<string | null> =>
    queue.length ? Promise.resolve(queue.shift()!) : ended ? Promise.resolve(null) : new Promise((r) => waiting.push(r));
}

async function main() {
  const { as, create } = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  // Without DATABASE_URL: the running bot's PostgreSQL server, or one started for this chat only.
  const db: Database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir, as: 'chat' }, { poolSize: 2 });
  let core;
  try {
    await db.migrate();
    core = createCore(openRepositories(db),
      coreSettings(config, config.publicUrl ?? `http://127.0.0.1:${config.port}`),
      createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
    );
  } catch (err) {
    await db.close();
    throw err;
  }
  const deps = consoleDeps(core, db);
  const turn = (input: ChatInput): Promise<ChatResult> => consoleTurn(deps, as, input, create);
  const close = () => db.close();
  closeOnSignal = close;

  const out = (t: string) => process.stdout.write(`${t}\n`);
  const next = lineReader();
  let pressables: Pressable[] = [];
  let locale: Locale = 'nl';
  const show = (messages: Message[]) => {
    pressables = [];
    for (const m of messages) {
      const r = renderText(m, pressables.length + 1, locale);
      pressables.push(...r.pressables);
      out(r.text);
      out('');
    }
  };
  try {
    const hello = await turn({ check: true });
    if (hello.unknownPerson) {
      process.stderr.write(`${hello.reply.messages.map((m) => m.text).join('\n')}\n`);
      process.exitCode = 2;
      return;
    }
    locale = hello.locale;
    // The welcome follows the person's language, like everything after it.
    out(t(locale, 'console.hello'));
    for (;;) {
      process.stdout.write('> ');
      const line = await next();
      if (line === null) break;
      const input = line.trim();
      if (input === '') continue;
      let chat: ChatInput = { text: input };
      const picked = /^\d+$/.test(input) ? pressables[Number(input) - 1] : undefined;
      if (/^\d+$/.test(input) && !picked) {
        out(pressables.length ? t(locale, 'console.pick', { count: pressables.length }) : t(locale, 'console.no_buttons'));
        continue;
      }
      if (picked?.button) {
        const b = picked.button;
        if (b.confirm) {
          out(`${b.confirm.title} ${b.confirm.text} (${b.confirm.yes}/${b.confirm.no})`);
          const answer = (await next())?.trim().toLowerCase() ?? '';
          if (!['ja', 'j', 'yes', 'y', b.confirm.yes.toLowerCase()].includes(answer)) continue;
        }
        chat = { action: b.action, value: b.value };
      } else if (picked?.form) {
        const values: Record<string, string> = {};
        for (const f of picked.form.fields) {
          const options = f.options?.length ? ` (${f.options.map((o) => o.value).join(' / ')})` : '';
          out(`${f.label}${f.required ? '' : ` ${t(locale, 'console.optional')}`}${options}:`);
          values[f.id] = (await next())?.trim() ?? '';
        }
        chat = { action: picked.form.id, value: picked.form.value ?? '', form: values };
      }
      const result = await turn(chat);
      locale = result.locale;
      show([...(result.reply.update ? [result.reply.update] : []), ...result.reply.messages, ...result.inbox]);
    }
  } finally {
    await close();
  }
}

// Ctrl-C, a stop signal or a reader that went away (`| head`): close the database first, so that an embedded
// server started for this chat is stopped too.
let closeOnSignal: (() => Promise<void>) | undefined;
const exitAfterClose = (code: number) => void (closeOnSignal?.() ?? Promise.resolve()).catch(() => undefined).finally(() => process.exit(code));
process.on('SIGINT', () => exitAfterClose(130));
process.on('SIGTERM', () => exitAfterClose(143));
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') return exitAfterClose(0);
  throw e;
});

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof EmbeddedDatabaseError) process.stderr.write(`${err.message}\n`);
    else process.stderr.write(`chat: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

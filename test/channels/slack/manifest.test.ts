import { openRepositories } from '../../../src/db/index.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SlackDeps } from '../../../src/channels/slack/deps.js';
import { registerListeners, type ListenerHost } from '../../../src/channels/slack/listeners/index.js';
import { EVENTS_PATH } from '../../../src/channels/slack/receiver.js';
import { createCore } from '../../../src/app.js';
import { createLogger } from '../../../src/logger.js';
import { testEmbedded } from '../../support/db.js';

interface Manifest {
  features: {
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user?: { display_name: string };
    slash_commands?: { command: string; url?: string; description: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions?: { request_url?: string; bot_events: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const load = async (name: string) => parse(await readFile(path.resolve('manifests/slack', name), 'utf8')) as Manifest;

/** What the listeners register, recorded on a stand-in for Bolt's App (the listeners themselves never run). */
function registrations() {
  const seen = { commands: [] as string[], events: [] as string[], actions: [] as unknown[], views: [] as unknown[] };
  const host = {
    command: (name: string) => void seen.commands.push(name),
    event: (name: string) => void seen.events.push(name),
    action: (c: unknown) => void seen.actions.push(c),
    view: (c: unknown) => void seen.views.push(c),
  } as unknown as ListenerHost;
  registerListeners(host, {} as SlackDeps);
  return seen;
}

/** Bolt event name → the bot event Slack must be subscribed to (the bot reads DMs only). */
const SUBSCRIPTION: Record<string, string> = { message: 'message.im' };
/** Scope each Web API method needs (https://docs.slack.dev/reference/methods); an unlisted method fails the test. */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.delete': ['chat:write'],
  'conversations.open': ['im:write'],
  // In the bot's DMs only (the thread a reply was written in): im:history.
  'conversations.replies': ['im:history'],
  'users.info': ['users:read', 'users:read.email'],
  'views.publish': [],
  'views.open': [],
};
const EVENT_SCOPES: Record<string, string[]> = { 'message.im': ['im:history'], app_home_opened: [] };

/** Web API methods called anywhere in the Slack channel's source (`client.chat.postMessage(` and the like). */
async function calledMethods(): Promise<string[]> {
  const dir = path.resolve('src/channels/slack');
  const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const methods = new Set<string>();
  for (const f of files) {
    const src = await readFile(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/\bclient\.(auth|chat|conversations|users|views|apps|team)\.(\w+)\(/g)) methods.add(`${m[1]}.${m[2]}`);
  }
  return [...methods].sort();
}

describe.each(['manifest.yaml', 'manifest.socket.yaml'])('%s', (file) => {
  it('has every slash command the code registers', async () => {
    const m = await load(file);
    const declared = (m.features.slash_commands ?? []).map((c) => c.command);
    for (const c of registrations().commands) expect(declared, c).toContain(c);
  });

  it('subscribes to every event the code listens to, with the tabs they need', async () => {
    const m = await load(file);
    const r = registrations();
    for (const e of r.events) expect(m.settings.event_subscriptions?.bot_events, e).toContain(SUBSCRIPTION[e] ?? e);
    if (r.events.includes('app_home_opened')) expect(m.features.app_home?.home_tab_enabled).toBe(true);
    if (r.events.includes('message')) {
      expect(m.features.app_home?.messages_tab_enabled).toBe(true);
      expect(m.features.app_home?.messages_tab_read_only_enabled).toBe(false);
    }
  });

  it('enables interactivity when the code registers actions or views', async () => {
    const m = await load(file);
    const r = registrations();
    expect(r.actions.length + r.views.length).toBeGreaterThan(0);
    expect(m.settings.interactivity?.is_enabled).toBe(true);
  });

  it('grants the scope of every Web API method the code calls and every event it receives', async () => {
    const m = await load(file);
    const methods = await calledMethods();
    expect(methods).toEqual(expect.arrayContaining(['chat.postMessage', 'views.publish', 'users.info']));
    const needed = new Set<string>(['commands']);
    for (const method of methods) {
      expect(METHOD_SCOPES, `scope of ${method} unknown to this test`).toHaveProperty([method]);
      for (const s of METHOD_SCOPES[method]!) needed.add(s);
    }
    for (const e of m.settings.event_subscriptions?.bot_events ?? []) for (const s of EVENT_SCOPES[e] ?? []) needed.add(s);
    for (const s of needed) expect(m.oauth_config.scopes.bot, s).toContain(s);
  });
});

describe('actions', () => {
  it('every action the core answers to (and its repeats in a list) reaches exactly one listener', async () => {
    const db = await testEmbedded();
    try {
      const core = createCore(openRepositories(db), { timezone: 'Europe/Amsterdam', defaultLocale: 'nl', adminUsers: [], publicUrl: 'http://x' }, createLogger('silent'));
      const ids = core.bot.actionIds();
      expect(ids).toEqual(expect.arrayContaining(['workshop.signup', 'workshop.cancel', 'settings.pause']));
      const patterns = registrations().actions as (string | RegExp)[];
      const listenersFor = (id: string) => patterns.filter((p) => (typeof p === 'string' ? p === id : p.test(id))).length;
      for (const id of [...ids, 'form.open']) {
        expect(listenersFor(id), id).toBe(1);
        expect(listenersFor(`${id}~2`), `${id}~2`).toBe(1);
      }
    } finally {
      await db.close();
    }
  });
});

describe('the two manifests', () => {
  it('HTTP: one Request URL, /slack/events, for the command, events and interactivity', async () => {
    const m = await load('manifest.yaml');
    expect(m.settings.socket_mode_enabled).toBe(false);
    const urls = [m.settings.event_subscriptions?.request_url, m.settings.interactivity?.request_url, ...(m.features.slash_commands ?? []).map((c) => c.url)];
    for (const u of urls) expect(new URL(u!).pathname).toBe(EVENTS_PATH);
    expect(new Set(urls).size).toBe(1);
  });

  it('Socket Mode: socket mode on and no URLs; otherwise the same app', async () => {
    const http = await load('manifest.yaml');
    const socket = await load('manifest.socket.yaml');
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toMatch(/https?:\/\//);
    expect(socket.oauth_config).toEqual(http.oauth_config);
    expect(socket.settings.event_subscriptions?.bot_events).toEqual(http.settings.event_subscriptions?.bot_events);
    expect(socket.features.app_home).toEqual(http.features.app_home);
    expect(socket.features.slash_commands?.map((c) => c.command)).toEqual(http.features.slash_commands?.map((c) => c.command));
  });
});

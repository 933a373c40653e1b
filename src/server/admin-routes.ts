import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import type { Logger } from '../core/ports.js';
import { readBody, sendJson, type Route } from './http-server.js';

/** Where one admin command reads and writes: here, the files the CLI sent along and buffers to send back. */
export interface BridgeIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: string): Promise<void>;
}

export type ChatRequestInput = { text: string } | { action: string; value: string; form?: Record<string, string | string[]> } | { check: true };

/** What the bridge carries out; the composition root passes the CLI's and the console's entry points in. */
export interface AdminBridge {
  token: string;
  logger: Logger;
  /** Runs one admin command; returns its exit code. */
  runCommand(argv: string[], io: BridgeIo): Promise<number>;
  /** One console chat turn as the person with this e-mail address; the answer is sent back as JSON. */
  chatTurn(as: string, input: ChatRequestInput, create?: boolean): Promise<unknown>;
}

/**
 * The local bridge for the CLI and console chat while the bot holds the embedded database: only from this
 * machine (loopback) and only with the token the bot wrote, readable by the same OS user, into DATA_DIR.
 */
export function adminRoutes(deps: AdminBridge): Route[] {
  const expected = Buffer.from(`Bearer ${deps.token}`);
  const allowed = (req: IncomingMessage) => {
    const remote = req.socket.remoteAddress ?? '';
    const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
    const given = Buffer.from(req.headers.authorization ?? '');
    return loopback && given.length === expected.length && timingSafeEqual(given, expected);
  };

  const cliRequest = z.object({ argv: z.array(z.string().max(4096)).max(50), files: z.record(z.string(), z.string()) });
  const chatRequest = z.object({
    as: z.string().min(3).max(320),
    input: z.union([
      z.object({ text: z.string().max(10_000) }),
      z.object({ check: z.literal(true) }),
      z.object({ action: z.string().max(200), value: z.string().max(4000), form: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional() }),
    ]),
    create: z.boolean().optional(),
  });

  return [
    {
      method: 'POST',
      path: '/admin/cli',
      handler: async (req, res) => {
        if (!allowed(req)) return sendJson(res, 403, { error: 'forbidden' });
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req, 64 * 1024 * 1024)).toString('utf8'));
        } catch {
          return sendJson(res, 400, { error: 'bad request' });
        }
        const parsed = cliRequest.safeParse(body);
        if (!parsed.success) return sendJson(res, 400, { error: 'bad request' });
        const { argv, files } = parsed.data;
        const stdout: string[] = [];
        const stderr: string[] = [];
        const written: Record<string, string> = {};
        const code = await deps.runCommand(
          argv,
          {
            out: (t) => stdout.push(t),
            err: (t) => stderr.push(t),
            readFile: async (p) => {
              const content = files[p];
              if (content === undefined) throw Object.assign(new Error(`no such file ${p}`), { code: 'ENOENT', path: p });
              return Buffer.from(content, 'base64');
            },
            writeFile: async (p, data) => {
              written[p] = Buffer.from(data).toString('base64');
            },
          },
        );
        sendJson(res, 200, { code, stdout: stdout.join('\n'), stderr: stderr.join('\n'), files: written });
      },
    },
    {
      method: 'POST',
      path: '/admin/chat',
      handler: async (req, res) => {
        if (!allowed(req)) return sendJson(res, 403, { error: 'forbidden' });
        let body: unknown;
        try {
          body = JSON.parse((await readBody(req)).toString('utf8'));
        } catch {
          return sendJson(res, 400, { error: 'bad request' });
        }
        const parsed = chatRequest.safeParse(body);
        if (!parsed.success) return sendJson(res, 400, { error: 'bad request' });
        sendJson(res, 200, await deps.chatTurn(parsed.data.as, parsed.data.input, parsed.data.create));
      },
    },
  ];
}

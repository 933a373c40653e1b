import type { Activity, TurnContext } from 'botbuilder';
import { readBody, sendJson, type Route } from '../../server/http-server.js';
import type { TeamsCloudAdapter } from './adapter.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The least an activity needs before the bot can answer it: a type, where to answer, and in which chat. */
export function parseActivity(raw: Buffer): Activity | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(body) || typeof body.type !== 'string' || body.type === '') return undefined;
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\//i.test(body.serviceUrl) || !URL.canParse(body.serviceUrl)) return undefined;
  if (!isRecord(body.conversation) || typeof body.conversation.id !== 'string') return undefined;
  return body as unknown as Activity;
}

/** `POST /api/messages`: Bot Framework activities from Teams. */
export function messagesRoute(adapter: TeamsCloudAdapter, logic: (context: TurnContext) => Promise<void>): Route {
  return {
    method: 'POST',
    path: '/api/messages',
    async handler(req, res) {
      const authHeader = req.headers.authorization ?? '';
      // Without credentials there is nothing to check the body against: refuse before reading it.
      if (adapter.authEnabled && authHeader.trim() === '') return sendJson(res, 401, { error: 'unauthorized' });
      const activity = parseActivity(await readBody(req));
      if (!activity) return sendJson(res, 400, { error: 'expected a Bot Framework activity with type, serviceUrl and conversation' });
      const result = await adapter.handle(authHeader, activity, logic);
      if (result.status === 401) return sendJson(res, 401, { error: 'unauthorized' });
      if (result.body === undefined) {
        res.writeHead(result.status);
        res.end();
        return;
      }
      sendJson(res, result.status, result.body);
    },
  };
}

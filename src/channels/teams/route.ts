import type { InboundActivity } from './activity-types.js';
import { readBody, sendJson, type Route } from '../../server/http-server.js';
import type { TeamsCloudAdapter } from './adapter.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The least an activity needs before the bot can answer it: a type, where to answer, and in which chat. */
export function parseActivity(raw: Buffer): InboundActivity | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(body) || typeof body.type !== 'string' || body.type === '') return undefined;
  if (typeof body.serviceUrl !== 'string' || !/^https?:\/\//i.test(body.serviceUrl) || !URL.canParse(body.serviceUrl)) return undefined;
  if (!isRecord(body.conversation) || typeof body.conversation.id !== 'string') return undefined;
  // Without a sender or a recipient nobody can be answered, and the SDK then leaves an invoke unanswered (501).
  if (!isRecord(body.from) || typeof body.from.id !== 'string' || !isRecord(body.recipient) || typeof body.recipient.id !== 'string') return undefined;
  // Fields the turns and the person lookup read as text (and replies echo back): Teams never sends anything else.
  const tenant = isRecord(body.channelData) && isRecord(body.channelData.tenant) ? body.channelData.tenant.id : undefined;
  const texts = [body.text, body.locale, body.localTimezone, body.replyToId, body.id, body.from.name, body.from.aadObjectId, body.recipient.name, body.conversation.tenantId, tenant];
  if (texts.some((v) => v !== undefined && v !== null && typeof v !== 'string')) return undefined;
  // The only invoke the bot offers is an Action.Execute click; the SDK would answer any other with an empty 200.
  if (body.type === 'invoke' && !isCardAction(body)) return undefined;
  return body as unknown as InboundActivity;
}

function isCardAction(body: Record<string, unknown>): boolean {
  const action = isRecord(body.value) ? body.value.action : undefined;
  return body.name === 'adaptiveCard/action' && isRecord(action) && action.type === 'Action.Execute' && typeof action.verb === 'string';
}

/** `POST /api/messages`: Bot Framework activities from Teams. */
export function messagesRoute(adapter: TeamsCloudAdapter): Route {
  return {
    method: 'POST',
    path: '/api/messages',
    async handler(req, res) {
      const authHeader = req.headers.authorization ?? '';
      // Without credentials there is nothing to check the body against: refuse before reading it.
      if (adapter.authEnabled && authHeader.trim() === '') return sendJson(res, 401, { error: 'unauthorized' });
      const activity = parseActivity(await readBody(req));
      if (!activity) return sendJson(res, 400, { error: 'expected a Bot Framework activity with type, serviceUrl, conversation, from and recipient (invokes: an Action.Execute)' });
      const result = await adapter.handle(authHeader, activity);
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

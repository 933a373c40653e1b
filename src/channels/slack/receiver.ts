import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import {
  HTTPModuleFunctions,
  HTTPResponseAck,
  verifySlackRequest,
  type App,
  type Logger as BoltLogger,
  type Receiver,
  type ReceiverEvent,
} from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { AckGate } from './middleware/ack-gate.js';
import { readBody, sendJson, type Route } from '../../server/http-server.js';

export const EVENTS_PATH = '/slack/events';
/** Slack's documented window: a request more than five minutes from our clock, either way, is a replay. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

const mediaType = (h: string | undefined) => (h ?? '').split(';')[0]!.trim().toLowerCase();

function parseBody(type: string, text: string): Record<string, unknown> {
  let json: unknown;
  if (type === 'application/x-www-form-urlencoded') {
    const form = parseQuery(text);
    // Interactivity sends one field `payload` with JSON; slash commands are plain fields.
    if (typeof form.payload !== 'string') return form as Record<string, unknown>;
    json = JSON.parse(form.payload);
  } else json = JSON.parse(text);
  // `payload=null` or a JSON array parses fine but is no Slack envelope.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('not an object');
  return json as Record<string, unknown>;
}

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/**
 * Bolt's HTTP transport, mounted as a route on the project's one HTTP server. Bolt's HTTPReceiver and
 * ExpressReceiver each want to own a server and port; Bolt's `Receiver` interface lets the transport be ours
 * while Bolt keeps routing, acks and listeners. It also checks what Bolt does not: Bolt rejects a timestamp more
 * than five minutes old but accepts one from the future, which a replayed request with a forged clock can use.
 */
export class SignedHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly signingSecret: string,
    private readonly logger: Logger,
    private readonly boltLogger: BoltLogger,
    private readonly now: () => number = Date.now,
    /** Registers the processing of a request, which goes on after its ack, for a graceful stop. */
    private readonly track: (work: Promise<void>) => Promise<void> = (work) => work,
    /** Knows which requests still wait for their ack, so that work after other acks can let them go first. */
    private readonly gate: AckGate = new AckGate(),
  ) {}

  init(app: App): void {
    this.app = app;
  }

  // The HTTP server is the project's; there is nothing to start or stop here.
  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  route(): Route {
    return { method: 'POST', path: EVENTS_PATH, handler: (req, res) => this.handle(req, res) };
  }

  /** Why a request is not Slack's, or null when it is. */
  reject(req: IncomingMessage, body: string): string | null {
    const signature = header(req, 'x-slack-signature');
    const stamp = header(req, 'x-slack-request-timestamp');
    if (!signature || !stamp) return 'missing signature headers';
    if (!/^\d{1,12}$/.test(stamp)) return 'malformed timestamp';
    const ts = Number(stamp);
    if (Math.abs(Math.floor(this.now() / 1000) - ts) > MAX_CLOCK_SKEW_S) return 'timestamp outside 5 minutes';
    try {
      verifySlackRequest({
        signingSecret: this.signingSecret,
        body,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
        nowMilliseconds: this.now(),
      });
      return null;
    } catch {
      return 'signature mismatch';
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answered = this.gate.arrived();
    try {
      await this.answer(req, res, answered);
    } finally {
      answered();
    }
  }

  private async answer(req: IncomingMessage, res: ServerResponse, answered: () => void): Promise<void> {
    const text = (await readBody(req)).toString('utf8');
    const type = mediaType(header(req, 'content-type'));
    // Slack's certificate check is unsigned and carries nothing to process (Bolt answers it the same way).
    if (type === 'application/x-www-form-urlencoded' && parseQuery(text).ssl_check === '1') {
      res.writeHead(200).end();
      return;
    }
    const why = this.reject(req, text);
    if (why) {
      this.logger.warn('slack request rejected', { reason: why, retryNum: header(req, 'x-slack-retry-num') });
      return sendJson(res, 401, { error: 'invalid signature' });
    }
    let body: Record<string, unknown>;
    try {
      body = parseBody(type, text);
    } catch {
      return sendJson(res, 400, { error: 'malformed body' });
    }
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    if (!this.app) return sendJson(res, 503, { error: 'not ready' });

    const ack = new HTTPResponseAck({
      logger: this.boltLogger,
      processBeforeResponse: false,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    let acked = false;
    const bound = ack.bind();
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        acked = true;
        await bound(response);
        answered();
      },
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    };
    try {
      await this.track(this.app.processEvent(event));
      // Payload types nobody listens to are answered now instead of after Bolt's 3-second timeout (a 404).
      if (!acked && !res.headersSent) await event.ack();
    } catch (err) {
      if (!acked && !res.headersSent) {
        // Bolt reads the envelope (event, user, team) before any listener runs, and throws a TypeError on a signed
        // body of the wrong shape (`"event": null`, no `user`): bad input, not our failure. The error's message
        // quotes the payload, so only its name is logged.
        ack.ack();
        this.logger.warn('slack payload not understood', { error: err instanceof Error ? err.name : typeof err });
        return sendJson(res, 400, { error: 'malformed payload' });
      }
      this.logger.error('slack event processing failed', { err });
    }
  }
}

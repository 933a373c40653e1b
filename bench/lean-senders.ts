import http from 'node:http';
import type { Message } from '../src/core/messages.js';
import type { DeliveryTarget, Platform, Sender, SendResult } from '../src/core/ports.js';

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string, contentType: string): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const outcome = async (call: Promise<{ status: number; retryAfter: string | undefined; body: string }>, ref: (body: string) => unknown): Promise<SendResult> => {
  try {
    const r = await call;
    if (r.status >= 200 && r.status < 300) return { ok: true, ref: ref(r.body) };
    if (r.status === 429) return { ok: false, kind: 'retry', reason: 'HTTP 429', retryAfterMs: Number(r.retryAfter ?? '1') * 1000 };
    if (r.status >= 500) return { ok: false, kind: 'retry', reason: `HTTP ${r.status}` };
    return { ok: false, kind: 'permanent', reason: `HTTP ${r.status}` };
  } catch (err) {
    return { ok: false, kind: 'retry', reason: (err as Error).message };
  }
};

/**
 * Minimal senders that speak the same Slack Web API and Bot Connector calls as the project's senders, with one
 * keep-alive connection pool and no SDK: they show what the outbox engine itself can do, apart from the SDKs.
 */
export function leanSenders(slackUrl: string): Sender[] {
  const slack: Sender = {
    platform: 'SLACK' as Platform,
    send: (target: DeliveryTarget, message: Message) =>
      outcome(post(`${slackUrl}chat.postMessage`, JSON.stringify({ channel: target.conversationRef, text: message.text }), 'application/json'), (b) => JSON.parse(b) as unknown),
  };
  const teams: Sender = {
    platform: 'TEAMS' as Platform,
    send: (target: DeliveryTarget, message: Message) => {
      const ref = target.conversationRef as { conversation: { id: string }; serviceUrl: string };
      const url = `${ref.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(ref.conversation.id)}/activities`;
      return outcome(post(url, JSON.stringify({ type: 'message', text: message.text }), 'application/json'), (b) => JSON.parse(b) as unknown);
    },
  };
  return [slack, teams];
}

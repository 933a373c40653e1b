import client from 'prom-client';

/** One registry per process: default process metrics plus the app's own counters. */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'vliegwiel_' });
  const requests = new client.Counter({
    name: 'vliegwiel_http_requests_total',
    help: 'HTTP requests by route and status class',
    labelNames: ['route', 'status'] as const,
    registers: [registry],
  });
  const chatInputs = new client.Counter({
    name: 'vliegwiel_chat_inputs_total',
    help: 'Chat inputs handled, by platform and kind (text, action)',
    labelNames: ['platform', 'kind'] as const,
    registers: [registry],
  });
  const chatErrors = new client.Counter({
    name: 'vliegwiel_chat_errors_total',
    help: 'Chat inputs that failed with an unexpected error',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const outboxSent = new client.Counter({
    name: 'vliegwiel_outbox_delivered_total',
    help: 'Outbox messages by platform and result (sent, retry, failed)',
    labelNames: ['platform', 'result'] as const,
    registers: [registry],
  });
  return { registry, requests, chatInputs, chatErrors, outboxSent };
}

export type Metrics = ReturnType<typeof createMetrics>;

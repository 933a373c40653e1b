import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';
import type { Logger } from '../../../core/ports.js';

/**
 * How much retrying the Bot Connector client may do by itself. Its default (from @azure/core-rest-pipeline) waits
 * out every Retry-After up to three times, which would hold a reply or an outbox slot for minutes. Replies to a
 * user get a short, bounded retry; proactive sends get none, so the outbox schedules the retry of that message.
 */
export interface RetryBudget {
  retries: number;
  /** A wait (Retry-After or backoff) longer than this is not waited for: the error goes up instead. */
  maxWaitMs: number;
  /** Per request; the SDK has none, so a connector that never answers would hold the turn or the outbox slot. */
  timeoutMs: number;
}

export interface RetryBudgets {
  reply: RetryBudget;
  proactive: RetryBudget;
}

export const DEFAULT_BUDGETS: RetryBudgets = {
  reply: { retries: 2, maxWaitMs: 2000, timeoutMs: 10_000 },
  proactive: { retries: 0, maxWaitMs: 0, timeoutMs: 15_000 },
};

const RETRY_STATUS = new Set([408, 412, 429, 500, 502, 503, 504]);

// The few pieces of @azure/core-rest-pipeline's pipeline used here, typed structurally (it is not a direct dependency).
interface PipelineResponse {
  status: number;
  headers: { get(name: string): string | undefined };
}
interface PipelineRequest {
  timeout: number;
}
interface Policy {
  name: string;
  sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<PipelineResponse>): Promise<PipelineResponse>;
}
interface Pipeline {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: Policy, options?: { phase?: string }): void;
}

export function retryAfterMs(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function boundedRetryPolicy(budget: RetryBudget): Policy {
  return {
    name: 'vliegwielBoundedRetry',
    async sendRequest(request, next) {
      for (let attempt = 0; ; attempt++) {
        const response = await next(request);
        if (attempt >= budget.retries || !RETRY_STATUS.has(response.status)) return response;
        const wait = retryAfterMs(response.headers.get('retry-after')) ?? 250 * 2 ** attempt;
        if (wait > budget.maxWaitMs) return response;
        await sleep(wait);
      }
    },
  };
}

let warned = false;

/** Replaces the connector client's default retry policy by the given budget. */
export function limitRetries(client: ConnectorClient, budget: RetryBudget, logger: Logger): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) {
    // A botbuilder update moved the pipeline: sends still work, with the SDK's own retries.
    if (!warned) logger.warn('teams: connector pipeline not found; the SDK retry policy stays in place');
    warned = true;
    return client;
  }
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  if (budget.retries > 0) pipeline.addPolicy(boundedRetryPolicy(budget), { phase: 'Retry' });
  pipeline.addPolicy({
    name: 'vliegwielTimeout',
    sendRequest(request, next) {
      if (!request.timeout) request.timeout = budget.timeoutMs;
      return next(request);
    },
  });
  return client;
}

export function withRetryBudget(factory: ConnectorFactory, budget: RetryBudget, logger: Logger): ConnectorFactory {
  return new (class extends ConnectorFactory {
    async create(serviceUrl: string, audience?: string) {
      return limitRetries(await factory.create(serviceUrl, audience), budget, logger);
    }
  })();
}

/**
 * botbuilder's authentication with the connector clients it creates for proactive work (continue and create
 * conversation) limited to the proactive budget. Inbound turns get their budget in the adapter.
 */
export class BudgetedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly logger: Logger,
    private readonly budget: RetryBudget = DEFAULT_BUDGETS.proactive,
  ) {
    super();
  }

  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateRequest(activity, authHeader);
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override authenticateChannelRequest(authHeader: string) {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return withRetryBudget(this.inner.createConnectorFactory(claimsIdentity), this.budget, this.logger);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity) {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience() {
    return this.inner.getOriginatingAudience();
  }
}

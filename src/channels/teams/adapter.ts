import { Client as ApiClient, type ITokenProvider } from '@microsoft/teams.api';
import { App, type HttpRouteHandler, type IHttpServerAdapter, type IPlugin } from '@microsoft/teams.apps';
import type { ClientOptions } from '@microsoft/teams.common';
import type { Logger } from '../../core/ports.js';
import type { InboundActivity } from './activity-types.js';
import type { TeamsAuthentication } from './auth/authentication.js';
import type { ValidatedCaller } from './auth/inbound.js';
import { DEFAULT_BUDGETS, retryMiddleware, type RetryBudget, type RetryBudgets } from './retries.js';
import { sdkLogger } from './sdk-logger.js';

/** Microsoft's global Teams service URL, for people the bot never heard from (imported, app installed by admin). */
export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

/** Distinct service URLs are few (one per Teams region); the bound only guards against a flood of odd ones. */
const MAX_CONNECTORS = 64;
const MESSAGES_PATH = '/api/messages';

/** Replies inside a turn (a short bounded retry) or proactive sends (no retry: the outbox decides). */
export type ConnectorUse = 'reply' | 'proactive';

export interface AdapterResponse {
  status: number;
  body?: unknown;
}

/**
 * The SDK's transport seam (IHttpServerAdapter): the App registers its messaging handler here instead of
 * starting an express server of its own; our HTTP server's route calls that handler.
 */
class MessagesSeam implements IHttpServerAdapter {
  handler: HttpRouteHandler | undefined;
  registerRoute(_method: 'POST', path: string, handler: HttpRouteHandler) {
    if (path === MESSAGES_PATH) this.handler = handler;
  }
}

/**
 * The Teams SDK App for this bot, driven through our own route: every inbound request is authenticated here
 * first (auth/inbound.ts; any failure is a 401, never a 5xx), then handed to the App with the validated caller,
 * as a transport that terminates authentication itself does. The App routes the activity and shapes the invoke
 * response; every Bot Connector call (replies, edits, roster, proactive sends) goes through `connector`.
 */
export class TeamsCloudAdapter {
  readonly app: App<IPlugin>;
  readonly authEnabled: boolean;
  private readonly seam = new MessagesSeam();
  private initialized: Promise<void> | undefined;
  private readonly http: Record<ConnectorUse, ClientOptions>;
  private readonly tokens: ITokenProvider;
  private readonly connectors = new Map<string, ApiClient>();

  constructor(
    private readonly auth: TeamsAuthentication,
    private readonly logger: Logger,
    budgets: RetryBudgets = DEFAULT_BUDGETS,
    serviceUrl = DEFAULT_SERVICE_URL,
  ) {
    this.authEnabled = auth.enabled;
    this.app = new App({
      ...auth.app,
      logger: sdkLogger(logger),
      httpServerAdapter: this.seam,
      messagingEndpoint: MESSAGES_PATH,
      serviceUrl,
      // Our route authenticates; the SDK only sees requests that passed (or TEAMS_INSECURE_DEV).
      dangerouslyAllowUnauthenticatedRequests: !auth.enabled,
      state: false,
      telemetry: { agent365: false },
    });
    this.app.event('error', ({ error, activity }) => {
      // Handlers answer their own errors; what lands here is a reply that could not be delivered.
      logger.error('teams: turn failed', { activityType: activity?.type, err: error });
    });
    const http = (budget: RetryBudget): ClientOptions => ({
      timeout: budget.timeoutMs,
      headers: { 'Content-Type': 'application/json' },
      middlewares: budget.retries > 0 ? [retryMiddleware(budget, logger)] : [],
    });
    this.http = { reply: http(budgets.reply), proactive: http(budgets.proactive) };
    // The SDK's token provider, or MSAL against MICROSOFT_LOGIN_URL. Passed on as the raw token: the SDK's
    // own wrapper would parse it as a JWT, which a login proxy's opaque token is not.
    const login = auth.loginTokens;
    this.tokens = login
      ? { getAppToken: (scope) => login.provider(scope) }
      : { getAppToken: async (scope, tenantId) => (await this.app.tokenProvider.getAppToken(scope, tenantId))?.toString() };
  }

  /** Where chats are opened for people whose service URL is not known yet: the App's `serviceUrl` option. */
  get defaultServiceUrl(): string {
    return this.app.api.serviceUrl;
  }

  /**
   * A Bot Connector client (the SDK's API client) for one service URL, made once and kept: replies in a turn
   * with the reply budget, proactive sends with the proactive one. It signs every request with a current token
   * (the token provider caches and renews them).
   */
  connector(serviceUrl: string, use: ConnectorUse = 'proactive'): ApiClient {
    const key = `${use}|${serviceUrl}`;
    let client = this.connectors.get(key);
    if (!client) {
      if (this.connectors.size >= MAX_CONNECTORS) this.connectors.delete(this.connectors.keys().next().value!);
      client = new ApiClient(serviceUrl, this.http[use], { cloud: this.auth.cloud, tokenProvider: this.tokens });
      this.connectors.set(key, client);
    }
    return client;
  }

  async handle(authHeader: string, activity: InboundActivity): Promise<AdapterResponse> {
    let caller: ValidatedCaller;
    if (this.auth.inbound) {
      try {
        caller = await this.auth.inbound.validate(authHeader, activity);
      } catch (err) {
        this.logger.warn('teams: request not authenticated', { reason: err instanceof Error ? err.message : String(err) });
        return { status: 401 };
      }
    } else {
      caller = { appId: '', from: 'azure', fromId: '', serviceUrl: activity.serviceUrl, isExpired: () => false };
    }
    this.initialized ??= this.app.initialize();
    await this.initialized;
    const response = await this.seam.handler!({ body: activity, headers: {}, token: caller });
    return { status: response.status, body: response.body };
  }
}

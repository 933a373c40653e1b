import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult, ConnectorClient } from 'botframework-connector';
import type { Logger } from '../../core/ports.js';
import { BudgetedAuthentication, DEFAULT_BUDGETS, withRetryBudget, type RetryBudgets } from './auth/retries.js';
import type { TeamsAuthentication } from './auth/authentication.js';

/** Distinct service URLs are few (one per Teams region); the bound only guards against a flood of odd ones. */
const MAX_CONNECTORS = 64;

export interface AdapterResponse {
  status: number;
  body?: unknown;
}

/**
 * botbuilder's CloudAdapter, driven without its `process()`: that method turns every authentication problem it
 * does not recognise (a malformed token, an unreachable key endpoint) into a 500 and prints to the console.
 * Here authentication is one step whose every failure is a 401, and the turn runs through the same
 * `processActivity` that `process()` would call.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  private readonly authentication: BudgetedAuthentication;
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  readonly authEnabled: boolean;

  constructor(
    auth: TeamsAuthentication,
    private readonly logger: Logger,
    private readonly budgets: RetryBudgets = DEFAULT_BUDGETS,
  ) {
    const budgeted = new BudgetedAuthentication(auth.auth, logger, budgets.proactive);
    super(budgeted);
    this.authentication = budgeted;
    this.authEnabled = auth.enabled;
    this.onTurnError = async (context, err) => {
      // Handlers answer their own errors; what lands here is a reply that could not be delivered.
      logger.error('teams: turn failed', { activityType: context.activity.type, err });
    };
  }

  /**
   * A connector client for proactive calls to one service URL, made once and kept. continueConversationAsync
   * builds a new client (with its whole HTTP pipeline) and a turn for every message, which costs more than the
   * send itself in a broadcast. A kept client still signs every request with a current token: its credentials
   * fetch and renew tokens per request.
   */
  connector(appId: string, serviceUrl: string): Promise<ConnectorClient> {
    const key = `${appId}|${serviceUrl}`;
    let client = this.connectors.get(key);
    if (!client) {
      if (this.connectors.size >= MAX_CONNECTORS) this.connectors.delete(this.connectors.keys().next().value!);
      const claims = this.createClaimsIdentity(appId);
      client = this.authentication.createConnectorFactory(claims).create(serviceUrl, undefined);
      // A failed creation (bad credentials settings) is not kept: the next send tries again.
      client.catch(() => this.connectors.delete(key));
      this.connectors.set(key, client);
    }
    return client;
  }

  async handle(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<AdapterResponse> {
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await this.authentication.authenticateRequest(activity, authHeader);
    } catch (err) {
      this.logger.warn('teams: request not authenticated', { reason: err instanceof Error ? err.message : String(err) });
      return { status: 401 };
    }
    const factory = authenticated.connectorFactory;
    const budgeted: AuthenticateRequestResult = {
      ...authenticated,
      ...(factory ? { connectorFactory: withRetryBudget(factory, this.budgets.reply, this.logger) } : {}),
    };
    const response = await this.processActivity(budgeted, activity, logic);
    return { status: response?.status ?? 200, body: response?.body };
  }
}

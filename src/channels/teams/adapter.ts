import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Logger } from '../../core/ports.js';
import { BudgetedAuthentication, DEFAULT_BUDGETS, withRetryBudget, type RetryBudgets } from './auth/retries.js';
import type { TeamsAuthentication } from './auth/authentication.js';

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

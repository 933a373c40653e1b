import type { Logger, Sender } from '../src/core/ports.js';
import { loadConfig } from '../src/config.js';

/**
 * The project's own Slack and Teams senders, pointed at the fakes: Slack's WebClient at SLACK_API_URL, and
 * botbuilder's CloudAdapter in TEAMS_INSECURE_DEV mode (no app id: no token calls) at each chat's serviceUrl.
 */
export async function platformSenders(slackUrl: string, logger: Logger): Promise<Sender[]> {
  const { SlackSender } = await import('../src/channels/slack/sender.js');
  const { TeamsCloudAdapter } = await import('../src/channels/teams/adapter.js');
  const { createAuthentication } = await import('../src/channels/teams/auth/authentication.js');
  const { TeamsSender } = await import('../src/channels/teams/sender.js');
  const config = loadConfig({ TEAMS_INSECURE_DEV: 'true' });
  const adapter = new TeamsCloudAdapter(createAuthentication(config.teams), logger);
  return [new SlackSender({ botToken: 'xoxb-bench', apiUrl: slackUrl, logger }), new TeamsSender(adapter, { appId: '', logger })];
}

import type { Config } from '../config.js';
import type { Channel, ChannelDeps } from './channel.js';

/** The channels this configuration enables (none: the console chat is the way in). */
export async function createChannels(config: Config, deps: ChannelDeps): Promise<Channel[]> {
  const channels: Channel[] = [];
  void config;
  void deps;
  if (config.slack) {
    const { createSlackChannel } = await import('./slack/slack-channel.js');
    channels.push(createSlackChannel(config.slack, deps, { defaultLocale: config.defaultLocale }));
  }
  if (config.teamsEnabled) {
    // Imported only when Teams is on: the Teams SDK takes a while to load.
    const { createTeamsChannel } = await import('./teams/teams-channel.js');
    channels.push(createTeamsChannel(config, deps));
  }
  return channels;
}

import type { Config } from '../config.js';
import type { Channel, ChannelDeps } from './channel.js';

/** The channels this configuration enables (none: the console chat is the way in). */
export async function createChannels(config: Config, deps: ChannelDeps): Promise<Channel[]> {
  const channels: Channel[] = [];
  void config;
  void deps;
  return channels;
}

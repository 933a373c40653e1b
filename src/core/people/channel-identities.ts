import type { Platform } from '../ports.js';

/** What the channels ask of the stored chat identities, apart from mapping a user to a person. */
export interface ChannelIdentities {
  isKnown(platform: Platform, tenantId: string, userId: string): Promise<boolean>;
  /** The user removed the app: the outbox stops trying until they write again (identify clears the mark). */
  markUnreachable(platform: Platform, tenantId: string, userId: string, reason: string): Promise<void>;
}

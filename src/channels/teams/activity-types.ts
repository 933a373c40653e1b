/**
 * The parts of a Bot Framework activity this channel reads and writes. Our own types rather than the SDK's
 * Activity union: route.ts checks these fields before anything else sees them, and the turns stay readable
 * without the SDK's per-type generics.
 */
export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: string;
}

export interface ConversationAccount {
  id: string;
  tenantId?: string;
  conversationType?: string;
  isGroup?: boolean;
  name?: string;
}

export interface InboundActivity {
  type: string;
  id?: string;
  name?: string;
  action?: string;
  serviceUrl: string;
  channelId?: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: ConversationAccount;
  text?: string;
  value?: unknown;
  locale?: string;
  localTimezone?: string;
  replyToId?: string;
  membersAdded?: ChannelAccount[];
  membersRemoved?: ChannelAccount[];
  channelData?: { tenant?: { id?: string }; eventType?: string } & Record<string, unknown>;
}

/**
 * One inbound activity and what the bot can do in its chat: the Teams SDK's turn context narrowed to what the
 * turns use (app.ts makes it), so the turns read the same whichever SDK carries them.
 */
export interface TeamsTurn {
  activity: InboundActivity;
  send(activity: OutgoingActivity): Promise<unknown>;
  /** Replaces a message in this chat (PUT …/activities/<id>). */
  update(id: string, activity: OutgoingActivity): Promise<unknown>;
  /** The roster entry of a member of this chat. */
  member(userId: string): Promise<{ name?: string; email?: string; userPrincipalName?: string }>;
}

/** What a message we send carries (plain text or one Adaptive Card). A type, so it also reads as plain JSON. */
export type OutgoingActivity = {
  type: 'message';
  id?: string;
  text?: string;
  textFormat?: 'plain' | 'markdown' | 'xml';
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
};

/**
 * Where a chat lives, as stored with a person (channel_identities.conversation_ref) to write to them later.
 * The same fields botbuilder's ConversationReference had and the Teams SDK's has, so references stored by
 * earlier versions work unchanged.
 */
export interface ConversationReference {
  activityId?: string;
  user?: ChannelAccount;
  bot?: ChannelAccount;
  conversation: ConversationAccount;
  channelId?: string;
  locale?: string;
  serviceUrl: string;
}

/** The reference of the chat an activity came from (what botbuilder's getConversationReference returned). */
export function referenceOf(a: InboundActivity): ConversationReference {
  return {
    ...(a.id ? { activityId: a.id } : {}),
    user: a.from,
    bot: a.recipient,
    conversation: a.conversation,
    channelId: a.channelId ?? 'msteams',
    ...(a.locale ? { locale: a.locale } : {}),
    serviceUrl: a.serviceUrl,
  };
}

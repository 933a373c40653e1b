import { randomUUID } from 'node:crypto';
import type { Bot } from '../../core/chat/bot.js';
import { translator } from '../../core/i18n/index.js';
import { message, type Locale, type Message, type Reply } from '../../core/messages.js';
import { toLocale, type Actor } from '../../core/people/person.js';
import type { Logger } from '../../core/ports.js';
import type { Metrics } from '../../metrics.js';
import type { OutgoingActivity, TeamsTurn } from './activity-types.js';

export type { TeamsTurn } from './activity-types.js';
import { toActivity } from './cards/activity.js';
import { CARD_CONTENT_TYPE, renderCard, type AdaptiveCard } from './cards/card.js';
import { actionInput } from './cards/form.js';
import type { TeamsPeople } from './people.js';
import { WorkQueue } from '../work-queue.js';

export interface TurnDeps {
  bot: Bot;
  people: TeamsPeople;
  logger: Logger;
  metrics: Metrics;
  defaultLocale: Locale;
}

/** Teams wraps mentions and formatted text in HTML; the core wants the words. */
export function plainWords(text: string | undefined): string {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A legacy Action.Submit (older clients, card fallbacks) arrives as a message whose value names the verb. */
function submitted(value: unknown): { verb: string; data: unknown } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return typeof v.verb === 'string' && v.verb !== '' ? { verb: v.verb, data: v } : undefined;
}

/** Edits of clicked messages (for the user's other devices) on their way at once. */
const EDIT_CONCURRENCY = 4;

/** What the bot does with each kind of Teams activity; the Application in app.ts only routes to these. */
export class TeamsTurns {
  private readonly edits = new WorkQueue(EDIT_CONCURRENCY);
  private readonly editing = new Set<Promise<void>>();

  constructor(private readonly deps: TurnDeps) {}

  private async actor(context: TeamsTurn): Promise<Actor> {
    return this.deps.bot.actorFor(await this.deps.people.channelUser(context));
  }

  /**
   * Runs one turn's work; an unexpected error is logged with a request id and answered with a message that
   * quotes it, so a support question can be matched to the log line.
   */
  private async guard(
    context: TeamsTurn,
    kind: string,
    work: (actor: Actor) => Promise<Reply>,
  ): Promise<{ reply: Reply; locale: Locale }> {
    let actor: Actor | undefined;
    try {
      actor = await this.actor(context);
      return { reply: await work(actor), locale: actor.locale };
    } catch (err) {
      const requestId = randomUUID().slice(0, 8);
      this.deps.metrics.chatErrors.inc({ platform: 'teams' });
      this.deps.logger.error('teams: turn failed', { requestId, kind, activityId: context.activity.id, err });
      const locale = actor?.locale ?? toLocale(context.activity.locale, this.deps.defaultLocale);
      return { reply: { messages: [message(translator(locale)('error.internal', { requestId }))] }, locale };
    }
  }

  private async post(context: TeamsTurn, messages: Message[], locale: Locale) {
    for (const m of messages) await context.send(toActivity(m, locale));
  }

  async message(context: TeamsTurn): Promise<void> {
    const submit = submitted(context.activity.value);
    this.deps.metrics.chatInputs.inc({ platform: 'teams', kind: submit ? 'action' : 'text' });
    const { reply, locale } = await this.guard(context, 'message', (a) =>
      submit
        ? this.deps.bot.action(a, actionInput(submit.verb, submit.data))
        : this.deps.bot.text(a, plainWords(context.activity.text)),
    );
    const out = reply.messages.length ? reply.messages : reply.update ? [reply.update] : [];
    await this.post(context, out, locale);
  }

  /**
   * An Action.Execute click. The card it came from is replaced by the reply's `update`, or by its first message
   * when there is none. Other messages go to the chat, except the one the update already shows as its notice.
   */
  async execute(context: TeamsTurn, data: unknown): Promise<AdaptiveCard> {
    const verb = String((context.activity.value as { action?: { verb?: unknown } }).action?.verb ?? '');
    this.deps.metrics.chatInputs.inc({ platform: 'teams', kind: 'action' });
    const { reply, locale } = await this.guard(context, 'action', (a) => this.deps.bot.action(a, actionInput(verb, data)));
    const shown = reply.update ?? reply.messages[0];
    const rest = reply.update ? reply.messages.filter((m) => m.text !== reply.update!.text) : reply.messages.slice(1);
    // The card is the answer the user waits for: a failed extra message must not turn it into an error status.
    await this.post(context, rest, locale).catch((err: unknown) =>
      this.deps.logger.warn('teams: extra message after a click not delivered', { activityId: context.activity.id, err }),
    );
    const answer = shown ?? message(translator(locale)('teams.done'));
    const card = renderCard(answer, locale);
    this.editClickedMessage(context, card, answer.text);
    return card;
  }

  /**
   * Teams shows an invoke's card only on the device that clicked; the user's phone would keep the old buttons.
   * Editing the clicked message itself (a 1:1 chat has no other readers) brings the new card everywhere. That
   * edit waits until the click has its answer, and goes out a few at a time (the answers of a rush first);
   * best effort and bounded (3 s): the answer does not wait for it or fail with it. The turn's client does it
   * after the turn is over.
   */
  private editClickedMessage(context: TeamsTurn, card: AdaptiveCard, summary: string) {
    const id = context.activity.replyToId;
    if (!id) return;
    const edit: OutgoingActivity = { type: 'message', id, summary, attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
    const done = this.edits.run(async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          context.update(id, edit),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3000))),
        ]);
      } catch (err) {
        this.deps.logger.info('teams: clicked message not updated on other devices', {
          reason: err instanceof Error ? err.message : String(err),
        });
      } finally {
        clearTimeout(timer);
      }
    });
    this.editing.add(done);
    void done.finally(() => this.editing.delete(done));
  }

  /** Waits (at most `timeoutMs`) for the edits of clicked messages still on their way: a graceful stop. */
  async idle(timeoutMs = 5000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.editing]),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  /** Installed in personal scope: store the conversation reference (actorFor does) and say welcome. */
  async install(context: TeamsTurn): Promise<void> {
    const a = context.activity;
    const botAdded = (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id || m.id === a.from?.id);
    const personal = !a.conversation?.conversationType || a.conversation.conversationType === 'personal';
    if (!botAdded || !personal) return;
    this.deps.metrics.chatInputs.inc({ platform: 'teams', kind: 'install' });
    const { reply, locale } = await this.guard(context, 'install', async (who) => {
      const tr = translator(who.locale);
      const help = this.deps.bot.help(who);
      const welcome: Message = {
        text: tr('welcome.title'),
        blocks: [{ type: 'header', text: tr('welcome.title') }, { type: 'text', text: tr('welcome.text') }, { type: 'divider' }, ...help.blocks],
      };
      return { messages: [welcome] };
    });
    await this.post(context, reply.messages, locale);
  }

  /** The app was removed for this user (installationUpdate "remove", or the bot left the 1:1 chat). */
  async removed(context: TeamsTurn): Promise<void> {
    const a = context.activity;
    const botRemoved =
      a.type === 'installationUpdate' ? a.action === 'remove' : (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
    if (!botRemoved) return;
    await this.deps.people.markUnreachable(a, 'app removed');
    this.deps.logger.info('teams: app removed by a user; marked unreachable', { tenantId: a.conversation?.tenantId });
  }
}

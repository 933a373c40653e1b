import type { PrivacyDeps } from './deps.js';
import { translator } from './texts.js';
import { message, type Locale, type Message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { personalDataMarkdown } from './personal-data-markdown.js';
import type { PrivacyRequester } from './privacy-repository.js';

const HOUR = 3600_000;

/** "Mijn gegevens": what is stored about me, as files I can take, and erasure after confirmation (AVG). */
export class PrivacyService {
  constructor(private readonly ctx: PrivacyDeps) {}

  async overview(actor: Actor): Promise<Message> {
    const tr = translator(actor.locale);
    const counts = await this.ctx.privacy.counts(actor.person.id);
    return {
      text: tr('data.title'),
      blocks: [
        { type: 'header', text: tr('data.title') },
        { type: 'text', text: `${tr('data.intro')}\n${tr('data.counts', counts)}` },
        {
          type: 'actions',
          buttons: [
            { action: 'data.export', value: '', label: tr('data.button_export'), style: 'primary' },
            {
              action: 'data.erase',
              value: '',
              label: tr('data.button_erase'),
              style: 'danger',
              confirm: { title: tr('data.erase_confirm_title'), text: tr('data.erase_confirm_text'), yes: tr('common.yes'), no: tr('common.no') },
            },
          ],
        },
      ],
    };
  }

  /**
   * Everything stored about a person as two texts: JSON for machines, Markdown for people. Audited with who asked:
   * the person in chat, or HR through the CLI on the person's request.
   */
  async files(personId: string, locale: Locale, by?: PrivacyRequester): Promise<{ json: string; markdown: string; day: string }> {
    const now = this.ctx.clock.now();
    const data = await this.ctx.privacy.export(personId);
    const files = {
      json: JSON.stringify(data, null, 2),
      markdown: personalDataMarkdown(data, locale, now, this.ctx.settings.timezone),
      day: now.toISOString().slice(0, 10),
    };
    await this.ctx.privacy.recordExport(personId, now, by);
    return files;
  }

  /** Two one-time links: JSON for machines, Markdown for people. The person is always the one clicking. */
  async export(actor: Actor): Promise<Reply> {
    const tr = translator(actor.locale);
    const expiresAt = new Date(this.ctx.clock.now().getTime() + HOUR);
    const { json: jsonText, markdown, day } = await this.files(actor.person.id, actor.locale);
    const file = (filename: string, mimeType: string, text: string) =>
      this.ctx.downloads.create({ personId: actor.person.id, filename, mimeType, content: new TextEncoder().encode(text), expiresAt });
    const [json, md] = await Promise.all([
      file(`vliegwiel-gegevens-${day}.json`, 'application/json', jsonText),
      file(`vliegwiel-gegevens-${day}.md`, 'text/markdown; charset=utf-8', markdown),
    ]);
    const url = (token: string) => `${this.ctx.settings.publicUrl}/downloads/${token}`;
    const text = tr('data.export_ready', { url: url(md) });
    return {
      messages: [
        {
          text,
          blocks: [
            { type: 'text', text: tr('data.export_inline') },
            {
              type: 'actions',
              buttons: [
                { action: 'link.download', value: 'md', label: tr('data.export_markdown'), url: url(md) },
                { action: 'link.download', value: 'json', label: tr('data.export_json'), url: url(json) },
              ],
            },
          ],
        },
      ],
    };
  }

  /**
   * Seats in workshops still to come are given back first (the waitlist moves up as with any cancellation);
   * past sign-ups stay, anonymised, so attendance figures stay right.
   */
  async erase(actor: Actor, cancelUpcoming: (workshopId: string) => Promise<unknown>, by?: PrivacyRequester): Promise<Reply> {
    const now = this.ctx.clock.now();
    for (const s of await this.ctx.workshops.mySignups(actor.person.id, now)) {
      if (s.workshop.startsAt > now) await cancelUpcoming(s.workshop.id);
    }
    // Before the erasure anonymises the rows through which messages about the person are found.
    await this.ctx.withdrawFromOutbox(actor.person.id, 'erased');
    await this.ctx.privacy.erase(actor.person.id, now, by);
    return { messages: [message(translator(actor.locale)('data.erased'))], update: message(translator(actor.locale)('data.erased')) };
  }
}

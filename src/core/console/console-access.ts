import { createHash, randomBytes } from 'node:crypto';
import { audit } from '../audit/audit.js';
import { message, type Reply } from '../messages.js';
import type { Actor, Person } from '../people/person.js';
import type { ConsoleDeps } from './deps.js';
import { consoleRole } from './rights.js';
import { translator } from './texts.js';

export const LINK_MINUTES = 10;
/** Links one person may ask for within LINK_MINUTES. */
export const LINKS_PER_WINDOW = 5;
/** A session ends after this long without a request, and after SESSION_MAX_HOURS at most. */
export const IDLE_MINUTES = 30;
export const SESSION_MAX_HOURS = 12;

const token = () => randomBytes(32).toString('base64url');
export const hashToken = (t: string) => createHash('sha256').update(t).digest('hex');

export interface ConsoleSession {
  person: Person;
  csrf: string;
  via: string;
  tokenHash: string;
}

/** Sign-in without passwords: one-time links from chat, Teams tab SSO, sessions with an idle timeout. */
export class ConsoleAccess {
  constructor(private readonly ctx: ConsoleDeps) {}

  /** `beheer` / `admin` in chat: HR and team leaders get a link that works once for 10 minutes; others a friendly no. */
  async requestLink(actor: Actor): Promise<Reply> {
    const tr = translator(actor.locale);
    const p = actor.person;
    const now = this.ctx.clock.now();
    // A friendly no that changes nothing (not even the audit log: it is not a sign-in, and nothing was handed out).
    if (consoleRole(p) === 'none') return { messages: [message(tr('console.forbidden'))] };
    const recent = await this.ctx.consoleAccess.countLinksSince(p.id, new Date(now.getTime() - LINK_MINUTES * 60_000));
    if (recent >= LINKS_PER_WINDOW) {
      await audit(this.ctx.audit, { actor: p.id, actorId: p.id, action: 'console.link.refused', details: { reason: 'rate' } });
      return { messages: [message(tr('console.too_many'))] };
    }
    const t = token();
    await this.ctx.consoleAccess.createLink(hashToken(t), p.id, new Date(now.getTime() + LINK_MINUTES * 60_000));
    await audit(this.ctx.audit, { actor: p.id, actorId: p.id, action: 'console.link', details: { platform: actor.platform } });
    const url = `${this.ctx.settings.publicUrl}/beheer/login/${t}`;
    const text = tr('console.link_text', { url });
    return {
      messages: [{
        text,
        blocks: [
          { type: 'header', text: tr('console.link_title') },
          { type: 'text', text },
          { type: 'actions', buttons: [{ action: 'console.open', value: '', label: tr('console.link_button'), url, style: 'primary' }] },
          ...(actor.platform === 'TEAMS' ? [{ type: 'context' as const, text: tr('console.link_tab') }] : []),
        ],
      }],
    };
  }

  /** Opens a session from a one-time link; null (and an audit line) when the link is unknown, used or expired. */
  async signInByLink(linkToken: string): Promise<{ cookie: string; session: ConsoleSession } | null> {
    const now = this.ctx.clock.now();
    const personId = linkToken ? await this.ctx.consoleAccess.useLink(hashToken(linkToken), now) : null;
    if (!personId) {
      await audit(this.ctx.audit, { actor: 'anonymous', action: 'console.signin.refused', details: { via: 'link', reason: 'invalid' } });
      return null;
    }
    return this.open(personId, 'link');
  }

  /** Opens a session for the person behind a validated Entra ID token's `oid`; null when nobody matches. */
  async signInByEntraId(oid: string): Promise<{ cookie: string; session: ConsoleSession } | null> {
    const personId = await this.ctx.consoleAccess.personIdByEntraId(oid);
    if (!personId) {
      await audit(this.ctx.audit, { actor: 'anonymous', action: 'console.signin.refused', details: { via: 'teams', reason: 'unknown' } });
      return null;
    }
    return this.open(personId, 'teams');
  }

  /** A refused token (bad signature, audience, issuer): audited without the token itself. */
  async refused(via: string, reason: string) {
    await audit(this.ctx.audit, { actor: 'anonymous', action: 'console.signin.refused', details: { via, reason } });
  }

  private async open(personId: string, via: string) {
    const person = await this.ctx.people.findById(personId);
    if (!person) return null;
    const now = this.ctx.clock.now();
    const cookie = token();
    const stored = { personId, csrf: token(), via, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 3_600_000) };
    await this.ctx.consoleAccess.createSession(hashToken(cookie), stored);
    // Employees get a session too, so the page can tell them kindly that this is not for them; they see nothing else.
    await audit(this.ctx.audit, { actor: person.id, actorId: person.id, action: 'console.signin', details: { via, role: consoleRole(person) } });
    return { cookie, session: { person, csrf: stored.csrf, via, tokenHash: hashToken(cookie) } };
  }

  /** The session behind a cookie value, if it is still alive; each use moves the idle timeout on. */
  async session(cookie: string | undefined): Promise<ConsoleSession | null> {
    if (!cookie) return null;
    const h = hashToken(cookie);
    const s = await this.ctx.consoleAccess.findSession(h);
    const now = this.ctx.clock.now();
    if (!s || s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > IDLE_MINUTES * 60_000) {
      if (s) await this.ctx.consoleAccess.deleteSession(h);
      return null;
    }
    const person = await this.ctx.people.findById(s.personId);
    if (!person) return null;
    // Write the new idle time at most once a minute: pages stay fast.
    if (now.getTime() - s.lastSeenAt.getTime() > 60_000) await this.ctx.consoleAccess.touchSession(h, now);
    return { person, csrf: s.csrf, via: s.via, tokenHash: h };
  }

  async signOut(session: ConsoleSession) {
    await this.ctx.consoleAccess.deleteSession(session.tokenHash);
    await audit(this.ctx.audit, { actor: session.person.id, actorId: session.person.id, action: 'console.signout' });
  }

  /** The language switch: stored on the person, so chat and console agree. */
  async setLocale(session: ConsoleSession, locale: 'nl' | 'en') {
    await this.ctx.people.setLocale(session.person.id, locale);
  }
}

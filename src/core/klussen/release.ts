import type { KlussenDeps } from './deps.js';
import { DomainError } from '../errors.js';
import { translator } from './texts.js';
import { message, type Reply } from '../messages.js';
import type { Actor } from '../people/person.js';
import { releaseDecisionDrafts } from './drafts.js';
import { checkRelease } from './rules.js';

/** A manager answers a release request: the candidate (and the owner) hear the answer through the outbox. */
export class KlusRelease {
  constructor(private readonly ctx: KlussenDeps) {}

  async decide(actor: Actor, interestId: string, approve: boolean): Promise<Reply> {
    const tr = translator(actor.locale);
    const done = await this.ctx.klussen.transition(interestId, (current) => {
      if (checkRelease(actor.person, current, current.candidateName) === 'already') return null;
      return { releaseStatus: approve ? 'APPROVED' : 'DECLINED', drafts: releaseDecisionDrafts(current, approve) };
    });
    if (!done) throw new DomainError('not_found');
    const { before } = done;
    const params = { name: before.candidateName, title: before.klus.title };
    const text =
      before.releaseStatus !== 'PENDING' ? tr('klus.release.already') : tr(approve ? 'klus.release.approved' : 'klus.release.declined', params);
    // The request card loses its buttons: answered is answered.
    const answer = message(text);
    return { messages: [answer], update: answer };
  }
}

import type { CoreContext } from '../context.js';
import type { Feature } from '../chat/feature.js';
import { CONFIRM_SKILLS_FORM } from './choosing.js';
import { JOIN_FORM } from './joining.js';
import type { KlussenService } from './klussen-service.js';
import { myKlussen } from './my-klussen.js';
import { POST_FORM } from './post-form.js';
import { SKILLS_FORM } from './skills.js';

/** The Klussenbank in chat: words, buttons, forms and the texts of its outbox messages. */
export function klussenFeature(ctx: CoreContext, klussen: KlussenService): Feature {
  const mine = async (actor: Parameters<typeof myKlussen>[1]) => ({ messages: [await myKlussen(ctx, actor)] });
  return {
    phrases: [
      { phrase: 'klussen', command: 'klussen', takesArgs: true },
      { phrase: 'klus', command: 'klussen', takesArgs: true },
      { phrase: 'jobs', command: 'klussen', takesArgs: true },
      { phrase: 'klus plaatsen', command: 'post-klus' },
      { phrase: 'post job', command: 'post-klus' },
      { phrase: 'mijn klussen', command: 'my-klussen' },
      { phrase: 'my jobs', command: 'my-klussen' },
      { phrase: 'vaardigheden', command: 'skills' },
      { phrase: 'mijn vaardigheden', command: 'skills' },
      { phrase: 'skills', command: 'skills' },
      { phrase: 'my skills', command: 'skills' },
    ],
    commands: {
      klussen: async (actor, args) => ({ messages: [await klussen.list(actor, args)] }),
      'post-klus': (actor) => klussen.posting.start(actor),
      'my-klussen': mine,
      skills: (actor) => klussen.skills.show(actor),
    },
    actions: {
      'nav.klussen': async (actor) => ({ messages: [await klussen.list(actor, '')] }),
      'nav.my-klussen': mine,
      'nav.post-klus': (actor) => klussen.posting.start(actor),
      // Posting: form → preview → publish.
      [POST_FORM]: (actor, input) => klussen.posting.submit(actor, input),
      'klus.publish': (actor, input) => klussen.posting.publish(actor, input.value),
      'klus.edit': (actor, input) => klussen.posting.edit(actor, input.value),
      'klus.discard': (actor, input) => klussen.posting.discard(actor, input.value),
      // Raising a hand.
      'klus.interest': (actor, input) => klussen.joining.form(actor, input.value),
      [JOIN_FORM]: (actor, input) => klussen.joining.join(actor, input.value, input),
      'klus.withdraw': (actor, input) => klussen.joining.withdraw(actor, input.value),
      // The manager's release.
      'klus.release.approve': (actor, input) => klussen.release.decide(actor, input.value, true),
      'klus.release.decline': (actor, input) => klussen.release.decide(actor, input.value, false),
      // Choosing.
      'klus.candidates': (actor, input) => klussen.choosing.view(actor, input.value),
      'klus.accept': (actor, input) => klussen.choosing.decide(actor, input.value, 'ACCEPTED'),
      'klus.decline': (actor, input) => klussen.choosing.decide(actor, input.value, 'DECLINED'),
      'klus.fill': (actor, input) => klussen.choosing.finish(actor, input.value, 'FILLED'),
      'klus.close': (actor, input) => klussen.choosing.finish(actor, input.value, 'CLOSED'),
      'klus.confirm-skills': (actor, input) => klussen.choosing.confirmForm(actor, input.value),
      [CONFIRM_SKILLS_FORM]: (actor, input) => klussen.choosing.confirmSkills(actor, input.value, input),
      // Skills.
      [SKILLS_FORM]: (actor, input) => klussen.skills.save(actor, input),
    },
    compose: {
      'klus.': (kind, payload, actor) => klussen.composer.compose(kind, payload, actor),
    },
  };
}

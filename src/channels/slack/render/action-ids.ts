import { LIMITS } from './limits.js';

/** The action id of the button that opens a form's modal. */
export const OPEN_FORM = 'form.open';
/** The modal's callback id; its submission is routed as the form's action. */
export const FORM_CALLBACK = 'vw.form';

/**
 * Slack requires unique action ids within a message, but a list shows the same action (`workshop.signup`)
 * on every item. The first keeps its name, repeats get `~2`, `~3`…; `coreAction` strips the suffix again.
 */
export class ActionIds {
  private readonly seen = new Map<string, number>();

  /** `taken`: ids already in the message that new blocks join (one item redrawn inside a list). */
  constructor(private readonly taken: ReadonlySet<string> = new Set()) {}

  next(action: string): string | null {
    if (action.length > LIMITS.actionId - 6) return null;
    for (;;) {
      const n = (this.seen.get(action) ?? 0) + 1;
      this.seen.set(action, n);
      const id = n === 1 ? action : `${action}~${n}`;
      if (!this.taken.has(id)) return id;
    }
  }
}

export const coreAction = (actionId: string) => actionId.replace(/~\d+$/, '');

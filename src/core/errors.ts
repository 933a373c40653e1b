/** Domain errors carry a stable code; adapters translate the code into the person's language. */
export type ErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'invalid_input'
  | 'workshop_closed'
  | 'workshop_cancelled'
  | 'workshop_overlap'
  | 'workshop_past'
  | 'not_signed_up'
  | 'klus_closed'
  | 'klus_own'
  | 'candidate_withdrawn'
  | 'release_pending'
  | 'release_declined'
  | 'unknown_command'
  | 'unknown_action'
  | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Parameters for the translated message, e.g. `{ title }`. */
    readonly params: Record<string, string | number> = {},
    detail?: string,
  ) {
    super(detail ?? code);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

import type { Locale } from '../messages.js';
import type { Role } from '../people/person.js';

export type BroadcastStatus = 'DRAFT' | 'PENDING_APPROVAL' | 'SCHEDULED' | 'SENDING' | 'SENT' | 'RECALLED';

export interface LocalizedText {
  title: string;
  text: string;
}

/** Dutch always; English when HR wrote it (people with English as their language get it). */
export interface BroadcastContent {
  nl: LocalizedText;
  en?: LocalizedText;
  /** An optional picture under the title: a public https address, with a description for people who cannot see it. */
  image?: BroadcastImage;
}

export interface BroadcastImage {
  url: string;
  /** The description in Dutch; `altEn` for the English version (the Dutch one when empty). */
  alt: string;
  altEn?: string;
}

/**
 * The one button a broadcast may carry. A link goes through the bot (`/go/…`) so that a click counts; the
 * secret signs each recipient's link, so nobody can count clicks for someone else.
 */
export type BroadcastButton = { kind: 'link'; url: string; label?: string; secret: string } | { kind: 'workshop'; workshopKey: string };

/** Who gets it: every list narrows (any value of a list matches); all lists empty = everyone in the region. */
export interface Audience {
  /** Organisation ids. */
  organizations: string[];
  /** Departments as HR typed them; matched without regard to case. */
  departments: string[];
  /** Education levels of the vocabulary (README "People"); `mbo` means every mbo level. */
  educationLevels: string[];
  roles: Role[];
  /** Skills (tags) as people's profiles hold them: lower case. */
  tags: string[];
  /** Entra ID groups (object id, and the name HR saw), kept by the directory sync. */
  groups?: Named[];
  /** "The team of …": the people whose team leader is one of these. */
  managers?: Named[];
}

export interface Named {
  id: string;
  name: string;
}

export const everyone = (): Audience => ({ organizations: [], departments: [], educationLevels: [], roles: [], tags: [] });

export interface BroadcastInput {
  content: BroadcastContent;
  button: BroadcastButton | null;
  audience: Audience;
  /** Send at this moment; null = when the author presses send (or the approver approves). */
  scheduledAt: Date | null;
}

export interface Broadcast extends BroadcastInput {
  id: string;
  title: string;
  status: BroadcastStatus;
  createdById: string | null;
  approvedById: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  recalledAt: Date | null;
  recipientCount: number;
  updatedAt: Date;
}

/** The dry run: exactly the people who will get an outbox row, and who is left out. */
export interface AudienceCount {
  /** People who get a row (one message each). */
  recipients: number;
  /** Of those, people with no reachable chat identity: their row is stored as failed, so HR sees them. */
  unreachable: number;
  /** People who match but get nothing: they paused messages or opted out of broadcasts. */
  skipped: number;
}

export interface Progress {
  total: number;
  sent: number;
  failed: number;
  /** Not sent yet: due later, retrying, or being sent right now. */
  waiting: number;
  /** Withdrawn (recall) or no longer applicable (the person paused in the meantime). */
  cancelled: number;
  /** People who clicked the button. */
  clicks: number;
  /** Of `waiting`: rows for console users, delivered when they next look; a broadcast does not wait for them. */
  inConsole: number;
  /** Why messages did not arrive (failed or cancelled), the most frequent first, as the outbox recorded them. */
  reasons: { reason: string; count: number }[];
}

export const contentFor = (c: BroadcastContent, locale: Locale): LocalizedText => (locale === 'en' && c.en ? c.en : c.nl);

/** A text progress bar: `▓▓▓▓▓░░░░░ 50%`. Done = sent + failed + cancelled. */
export function progressBar(p: Progress, width = 10): string {
  const done = p.total === 0 ? 1 : (p.sent + p.failed + p.cancelled) / p.total;
  const filled = Math.min(width, Math.floor(done * width));
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${Math.floor(done * 100)}%`;
}

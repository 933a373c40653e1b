import type { Locale } from '../messages.js';
import type { OutboxDraft } from '../outbox.js';

/** A workshop as anyone may see it on the public page and the poster: nothing about who signed up. */
export interface PublicWorkshop {
  id: string;
  key: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  online: boolean;
  capacity: number;
  freeSeats: number;
  /** The organisations that may join; empty = the whole region. Names only: nothing about people. */
  openTo: { id: string; name: string }[];
}

/** A learning week: its name and dates, for the poster's title and the QR code's path. */
export interface LearningWeek {
  key: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
}

/** A team leader as the public page may show them: a name to choose, nothing else. */
export interface TeamLeader {
  id: string;
  name: string;
  department: string | null;
  organizationId: string | null;
}

export interface PublicCatalogueRepository {
  /** Upcoming, not cancelled workshops, soonest first; only those of the week, or with these keys, when given. */
  upcoming(q: { from: Date; weekKey?: string; keys?: string[]; limit: number }): Promise<PublicWorkshop[]>;
  getWorkshop(id: string): Promise<PublicWorkshop | null>;
  /** The learning week with this key, or the current or next one (by its end date) when no key is given. */
  learningWeek(q: { key?: string; today: Date }): Promise<LearningWeek | null>;
  /** Active people with the manager role, by name. */
  teamLeaders(): Promise<TeamLeader[]>;
}

export type SeatRequestStatus = 'PENDING' | 'CONFIRMED' | 'REFUSED';

export interface SeatRequest {
  id: string;
  workshopId: string;
  teamLeaderId: string;
  name: string;
  nameKey: string;
  status: SeatRequestStatus;
  personId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface SeatRequestRepository {
  /** Stores the request and the team leader's message in one transaction; 'duplicate' when the same name asked already. */
  create(r: Omit<SeatRequest, 'id' | 'status' | 'personId' | 'createdAt'>, message: (id: string) => OutboxDraft): Promise<SeatRequest | 'duplicate'>;
  get(id: string): Promise<SeatRequest | null>;
  /** PENDING → status, only while pending and not expired; null when someone else decided first or it expired. */
  decide(id: string, teamLeaderId: string, status: 'CONFIRMED' | 'REFUSED', now: Date): Promise<SeatRequest | null>;
  /** Back to PENDING (the sign-up after a confirmation failed). */
  reopen(id: string): Promise<void>;
  setPerson(id: string, personId: string): Promise<void>;
  /** Deletes unconfirmed requests past their expiry and decided ones older than `decidedBefore`; returns how many. */
  prune(now: Date, decidedBefore: Date): Promise<number>;
}

/** The people of a team leader's team without a chat account, reached through the team leader. */
export interface TeamMembers {
  /** The member whose folded name is `nameKey`, or a new person under the team leader with `name`. */
  findOrCreateWithoutAccount(teamLeaderId: string, name: string, nameKey: string): Promise<{ personId: string; created: boolean }>;
}

/** What a poster says, in words already chosen; a renderer only lays it out on A4. */
export interface PosterContent {
  title: string;
  subtitle: string;
  items: { title: string; when: string; where: string }[];
  /** How many workshops there are in all (more than `items` when not every one fits). */
  total: number;
  /** "And 3 more. Scan the code." */
  more: (count: number) => string;
  note: string;
  callToAction: string;
  /** Where the QR code leads: the public page (the week's path under it). */
  url: string;
  language: Locale;
}

export type PosterRenderer = (content: PosterContent) => Promise<Uint8Array>;


import type { Workshop } from './workshop.js';

export interface WorkshopStats {
  workshop: Workshop;
  confirmed: number;
  waitlisted: number;
  attended: number;
}

export interface Participant {
  personId: string | null;
  name: string;
  organization: string | null;
  status: 'CONFIRMED' | 'WAITLISTED';
  position: number | null;
  attended: boolean | null;
  /** The team leader who signed the person up for them ("aangemeld door"), or null. */
  signedUpBy: string | null;
}

export interface WorkshopEdit {
  title?: string;
  location?: string | null;
  onlineUrl?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number;
  signupDeadline?: Date | null;
}

/** What HR and trainers need: figures, lists, changes that notify the people concerned, attendance. */
export interface WorkshopAdminRepository {
  stats(from: Date, limit: number, offset: number): Promise<{ items: WorkshopStats[]; total: number }>;
  participants(workshopId: string): Promise<Participant[]>;
  /** Applies the edit; notifies everyone signed up, re-times reminders, fills new seats from the waitlist. */
  edit(workshopId: string, edit: WorkshopEdit, now: Date): Promise<Workshop>;
  /** Cancels the workshop for everyone and tells them. */
  cancelWorkshop(workshopId: string, now: Date): Promise<Workshop>;
  /** Marks who came (of the confirmed people); returns how many are marked present. */
  markAttendance(workshopId: string, presentPersonIds: string[], now: Date): Promise<number>;
}

/** The private talent dossier: everything in it belongs to, and is shown to, its author only. */

export interface Goal {
  id: string;
  text: string;
  createdAt: Date;
  doneAt: Date | null;
}

/** One answered question: the question as asked, the answer (text and/or scale) and the follow-up, if any. */
export interface DossierReflection {
  at: Date;
  question: { nl: string; en: string } | null;
  text: string;
  scale: number | null;
  followUp: { question: { nl: string; en: string }; text: string } | null;
}

export interface DossierWorkshop {
  title: string;
  startsAt: Date;
  status: 'CONFIRMED' | 'WAITLISTED';
  attended: boolean | null;
}

export interface DossierKlus {
  title: string;
  status: 'INTERESTED' | 'WITHDRAWN' | 'ACCEPTED' | 'DECLINED';
  at: Date;
}

export interface DossierRepository {
  goals(personId: string): Promise<Goal[]>;
  addGoal(personId: string, text: string, now: Date): Promise<Goal>;
  /** Marks the person's own open goal as done; null when the id is not theirs, unknown or done already. */
  completeGoal(personId: string, goalId: string, now: Date): Promise<Goal | null>;
  /** Newest first; `limit` for the chat view, none for the export. */
  reflections(personId: string, limit?: number): Promise<{ total: number; items: DossierReflection[] }>;
  workshops(personId: string): Promise<DossierWorkshop[]>;
  klussen(personId: string): Promise<DossierKlus[]>;
}

/** A learning week ("Meester in je Werk-week"): a week of workshops, open across municipal borders. */
export interface LearningWeek {
  id: string;
  /** The week's code in links: `/aanbod/week/<key>` and its poster. */
  key: string;
  name: string;
  /** Calendar days, stored at UTC midnight (PostgreSQL `date`). */
  startsOn: Date;
  endsOn: Date;
}

/** A week with its figures: workshops that are not cancelled, their seats, who took one and who waits. */
export interface LearningWeekStats extends LearningWeek {
  workshops: number;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}

/** One workshop of a week, with its figures, for the week's page. */
export interface WeekWorkshop {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  cancelled: boolean;
}

export type LearningWeekFields = Omit<LearningWeek, 'id'>;

/** Storage of learning weeks and of which workshop belongs to which week. */
export interface LearningWeeksRepository {
  /** Every week, the latest first, with its figures. */
  list(): Promise<LearningWeekStats[]>;
  get(id: string): Promise<LearningWeek | null>;
  getByKey(key: string): Promise<LearningWeek | null>;
  create(fields: LearningWeekFields): Promise<LearningWeek>;
  update(id: string, fields: LearningWeekFields): Promise<LearningWeek>;
  /** The week's workshops, soonest first, cancelled ones included (marked). */
  workshopsOf(weekId: string): Promise<WeekWorkshop[]>;
  /** How many of the week's workshops (not cancelled) start before `from` or at/after `until`. */
  workshopsOutside(weekId: string, from: Date, until: Date): Promise<number>;
  /** The id of the week a workshop is in, or null. */
  weekOfWorkshop(workshopId: string): Promise<string | null>;
  /** Puts a workshop in a week, or takes it out (null). */
  placeWorkshop(workshopId: string, weekId: string | null): Promise<void>;
}

/**
 * The record of scheduled fires, shared by every replica: a fire is claimed once (the first replica to write it
 * runs it) and finished with its outcome. Implemented in src/db/schedule.
 */
export interface FireClaims {
  /** Whether the job has a fire at or after this moment (then a catch-up is not needed). */
  hasFireSince(job: string, at: Date): Promise<boolean>;
  /** The job's fires in [from, to): clocks going back repeat a wall-clock minute, which is one fire. */
  firesBetween(job: string, from: Date, to: Date): Promise<Date[]>;
  /** True when this runner got the fire; false when another replica (or an earlier run) has it. */
  claim(job: string, fireAt: Date, runner: string): Promise<boolean>;
  finish(job: string, fireAt: Date, error?: string): Promise<void>;
}

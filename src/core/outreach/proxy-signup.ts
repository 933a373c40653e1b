export interface ProxySignUpCommand {
  teamLeaderId: string;
  personId: string;
  workshopId: string;
}

export interface ProxySignUpOutcome {
  status: 'CONFIRMED' | 'WAITLISTED';
  position: number | null;
  unchanged: boolean;
}

/**
 * A team leader signs up a member of their team: the port a confirmed seat request uses. `src/app.ts` hands in
 * the workshops feature's `ProxySignups.signUpOnBehalf` (same seats and waitlist as a click, "aangemeld door").
 */
export type ProxySignUp = (cmd: ProxySignUpCommand) => Promise<ProxySignUpOutcome>;

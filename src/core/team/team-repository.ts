import type { TeamMember, TeamMemberLookup } from '../workshops/proxy-signups.js';

/** A workshop as the toolbox shows it: open to the team, with free seats (or a waitlist). */
export interface TeamWorkshop {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  free: number;
}

export interface TeamKlus {
  id: string;
  title: string;
  hoursPerWeek: number | null;
}

/** A member's live sign-up for an upcoming workshop. */
export interface TeamSignup {
  personId: string;
  personName: string;
  workshopId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  onlineUrl: string | null;
  status: 'CONFIRMED' | 'WAITLISTED';
  /** The name of who signed the person up for them; null when the person did it. */
  signedUpBy: string | null;
}

/** The ports of the team leader's toolbox (src/db/team implements them). */
export interface TeamRepository extends TeamMemberLookup {
  /** The leader's team: active people whose team leader they are, by name. */
  members(teamLeaderId: string): Promise<TeamMember[]>;
  /** Upcoming workshops in [from, until) with free seats, open to someone in the team (organisation), soonest first. */
  openWorkshops(teamLeaderId: string, from: Date, until: Date, limit: number): Promise<TeamWorkshop[]>;
  /** Open klussen whose skills fit at least one team member's skills and that the member may join. */
  fittingKlussen(teamLeaderId: string, now: Date, limit: number): Promise<TeamKlus[]>;
  /** Live sign-ups of the team for workshops starting in [from, until), soonest first. */
  teamSignups(teamLeaderId: string, from: Date, until: Date): Promise<TeamSignup[]>;
  /** Team leaders (with at least one active member) whose toolbox day is `weekday` (1..7). */
  leadersForToolbox(weekday: number): Promise<string[]>;
  /** Team leaders with someone in their team signed up for a workshop starting in [from, until). */
  leadersWithTeamGoing(from: Date, until: Date): Promise<string[]>;
  toolboxWeekday(personId: string): Promise<number>;
  setToolboxWeekday(personId: string, weekday: number): Promise<void>;
  /** Counts a team talk for every member (engagement event `team.talk`); at most once per leader and question. */
  recordTeamTalk(teamLeaderId: string, promptKey: string, now: Date): Promise<number>;
  /** The scenario questions ("Hoe zou jij dit aanpakken?") of the library, by key. */
  teamTalkQuestions(): Promise<{ key: string; nl: string; en: string }[]>;
}

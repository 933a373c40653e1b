export type KlusStatus = 'DRAFT' | 'OPEN' | 'FILLED' | 'CLOSED' | 'EXPIRED';
export type InterestStatus = 'INTERESTED' | 'WITHDRAWN' | 'ACCEPTED' | 'DECLINED';

export interface Klus {
  id: string;
  key: string;
  title: string;
  description: string;
  skills: string[];
  hoursPerWeek: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  location: string | null;
  organizationId: string | null;
  organizationName: string | null;
  openToRegion: boolean;
  deadline: Date | null;
  status: KlusStatus;
  ownerId: string | null;
}

export interface KlusForPerson extends Klus {
  myInterest: InterestStatus | null;
}

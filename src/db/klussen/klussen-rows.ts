import type { InterestDetails, InterestStatus, Klus, KlusInterest, KlusStatus, ReleaseStatus } from '../../core/klussen/klus.js';
import type { Prisma as P } from '../../generated/prisma/client.js';
import type { Prisma } from '../database.js';

/** A transaction client, or the client itself where no transaction is needed. */
export type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];

export const include = { organization: { select: { name: true } } } as const;
type Row = P.KlusGetPayload<{ include: typeof include }>;

export const toKlus = (r: Row): Klus => ({
  id: r.id,
  key: r.key,
  title: r.title,
  description: r.description,
  skills: r.skills,
  hoursPerWeek: r.hoursPerWeek,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  location: r.location,
  organizationId: r.organizationId,
  organizationName: r.organization?.name ?? null,
  openToRegion: r.openToRegion,
  deadline: r.deadline,
  status: r.status as KlusStatus,
  ownerId: r.ownerId,
});

type InterestRow = P.KlusInterestGetPayload<object>;

export const toInterest = (r: InterestRow): KlusInterest => ({
  id: r.id,
  klusId: r.klusId,
  personId: r.personId,
  motivation: r.motivation,
  status: r.status as InterestStatus,
  releaseStatus: r.releaseStatus as ReleaseStatus,
  releaserId: r.releaserId,
  decidedAt: r.decidedAt,
  updatedAt: r.updatedAt,
});

export const detailsInclude = {
  klus: { include: { ...include, owner: { select: { name: true, erasedAt: true } } } },
  person: { select: { name: true, erasedAt: true } },
} as const;
type DetailsRow = P.KlusInterestGetPayload<{ include: typeof detailsInclude }>;

/** Names of erased people are not shown; their rows stay so counts stay right. */
export const toDetails = (r: DetailsRow): InterestDetails => ({
  ...toInterest(r),
  klus: toKlus(r.klus),
  candidateName: r.person && !r.person.erasedAt ? r.person.name : '–',
  ownerName: r.klus.owner && !r.klus.owner.erasedAt ? r.klus.owner.name : null,
});

export async function loadDetails(tx: Tx | Prisma, id: string): Promise<InterestDetails | null> {
  const r = await tx.klusInterest.findUnique({ where: { id }, include: detailsInclude });
  return r ? toDetails(r) : null;
}

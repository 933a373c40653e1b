import { matchingLevels } from '../../core/people/education.js';
import { Prisma as P } from '../../generated/prisma/client.js';

// Conditions over `"Person" p` shared by broadcast audiences and campaign targets, so both match alike.

/** Departments as HR typed them, matched without regard to case or surrounding spaces. */
export const departmentIn = (departments: string[]) =>
  P.sql`lower(trim(p.department)) = ANY(${departments.map((d) => d.trim().toLowerCase())}::text[])`;

/** Levels of the vocabulary; `mbo` matches every mbo level (stored values are canonical, older ones lower-cased). */
export const levelIn = (levels: string[]) => P.sql`lower(trim(p."educationLevel")) = ANY(${matchingLevels(levels)}::text[])`;

/** Members of any of these Entra ID groups: by object id, or (typed in a campaign file) by name in any case. */
export const groupIn = (groups: string[]) => P.sql`EXISTS (SELECT 1 FROM "DirectoryGroupMember" m JOIN "DirectoryGroup" g ON g.id = m."groupId"
    WHERE m."personId" = p.id AND (g."externalId" = ANY(${groups}::text[]) OR lower(g.name) = ANY(${groups.map((x) => x.trim().toLowerCase())}::text[])))`;

/** "The team of …": people whose team leader has one of these e-mail addresses. */
export const teamOf = (emails: string[]) =>
  P.sql`p."managerId" IN (SELECT l.id FROM "Person" l WHERE l.email = ANY(${emails.map((e) => e.trim().toLowerCase())}::text[]) AND l."erasedAt" IS NULL)`;


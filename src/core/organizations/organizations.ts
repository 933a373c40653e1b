import type { OrganizationRepository } from './organization-repository.js';

export const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export class UnknownOrganizationError extends Error {
  constructor(name: string) {
    super(`No organisation "${name}". The organisations are made by the imports (the organization column).`);
  }
}

/** Sets (or, with null, clears) where an organisation's new klussen are announced; returns the organisation's name. */
export async function setKlusChannel(
  organizations: OrganizationRepository,
  organization: string,
  channel: string | null,
): Promise<{ id: string; name: string }> {
  const org = await organizations.findByKeyOrName(slug(organization), organization.trim());
  if (!org) throw new UnknownOrganizationError(organization);
  await organizations.setKlusChannel(org.id, channel);
  return org;
}

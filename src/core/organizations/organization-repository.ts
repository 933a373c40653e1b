export interface OrganizationRepository {
  /** By key, or by name ignoring case. */
  findByKeyOrName(key: string, name: string): Promise<{ id: string; name: string } | null>;
  setKlusChannel(id: string, channel: string | null): Promise<void>;
}

export interface DemoRepository {
  /** Makes `managerEmail` the team leader of `email`, when both are known. */
  setManager(email: string, managerEmail: string): Promise<void>;
  /** The region (created once) and the organisations with these keys that have no region yet placed in it. */
  placeInRegion(region: { key: string; name: string }, organizationKeys: string[]): Promise<{ id: string }>;
  /**
   * The learning week around the workshops whose key starts with `workshopKeyPrefix`, for these organisations;
   * returns its name, or null when there are no such workshops.
   */
  planLearningWeek(regionId: string, organizationKeys: string[], workshopKeyPrefix: string): Promise<string | null>;
}

import type { ChannelUser, Person, Role } from './person.js';

export interface PeopleRepository {
  findById(id: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  /**
   * The person behind a chat user: an existing identity, an imported identity or e-mail to link to,
   * or a new person. Updates the stored conversation reference. Safe under concurrent first contacts.
   */
  identify(user: ChannelUser, defaults: { locale: string }): Promise<Person>;
  addRole(personId: string, role: Role): Promise<Person>;
  setPaused(personId: string, paused: boolean): Promise<void>;
  setLocale(personId: string, locale: string): Promise<void>;
  setSkills(personId: string, skills: string[]): Promise<void>;
}

import type { PeopleRepository } from './people-repository.js';
import { adminKey, type ChannelUser, type Person } from './person.js';

/** Maps a chat user to a person and applies ADMIN_USERS (those become HR from the start). */
export async function identifyPerson(
  people: PeopleRepository,
  user: ChannelUser,
  options: { adminUsers: readonly string[]; defaultLocale: string },
): Promise<Person> {
  const person = await people.identify(user, { locale: options.defaultLocale });
  if (options.adminUsers.includes(adminKey(user)) && !person.roles.includes('HR')) {
    return people.addRole(person.id, 'HR');
  }
  return person;
}

import type { NameSource } from './name-source.js';
import type { Locale } from '../messages.js';
import type { Platform } from '../ports.js';

export type Role = 'EMPLOYEE' | 'MANAGER' | 'HR';

export interface Person {
  id: string;
  name: string;
  email: string | null;
  locale: Locale | null;
  timezone: string | null;
  organizationId: string | null;
  organizationName: string | null;
  department: string | null;
  educationLevel: string | null;
  roles: Role[];
  managerId: string | null;
  paused: boolean;
  skills: string[];
}

/** A chat user as the platform describes them on contact. */
export interface ChannelUser {
  platform: Platform;
  tenantId: string;
  userId: string;
  name?: string;
  /**
   * Where `name` comes from: the platform's profile (Slack users.info), the Teams roster, or just the activity that
   * arrived. A better source corrects a name a worse one gave (people/name-source.ts).
   */
  nameSource?: NameSource;
  email?: string;
  locale?: string;
  timezone?: string;
  conversationRef?: unknown;
  serviceUrl?: string;
}

export interface Actor {
  person: Person;
  locale: Locale;
  platform: Platform;
}

export const hasRole = (p: Person, role: Role) => p.roles.includes(role);

export const toLocale = (value: string | null | undefined, fallback: Locale): Locale => {
  const v = value?.toLowerCase() ?? '';
  if (v.startsWith('nl')) return 'nl';
  if (v.startsWith('en')) return 'en';
  return fallback;
};

/** `slack:U123` / `teams:<aadObjectId>`, the form used by ADMIN_USERS. */
export const adminKey = (u: Pick<ChannelUser, 'platform' | 'userId'>) => `${u.platform.toLowerCase()}:${u.userId}`;

export const normaliseSkill = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

export const normaliseEmail = (s: string) => s.trim().toLowerCase();

// The three demo users of embedded (demo) mode, listed in the README. Created only when there
// are no users yet, so a real deployment's people are never touched.
import type { CountryCode, Database, UserRole } from '@atlas/db';
import type { Kysely } from 'kysely';
import { hashPassword } from './passwords';

export const DEMO_USERS: readonly {
  email: string;
  name: string;
  role: UserRole;
  countries: CountryCode[] | null;
}[] = [
  { email: 'admin@example.org', name: 'Demo administrator', role: 'admin', countries: null },
  {
    email: 'coordinator@example.org',
    name: 'Demo coordinator',
    role: 'coordinator',
    countries: ['GT', 'HN'],
  },
  { email: 'analyst@example.org', name: 'Demo analyst', role: 'analyst', countries: null },
];

/** Creates the demo users if the users table is empty; returns how many were created. */
export async function ensureDemoUsers(db: Kysely<Database>, password: string): Promise<number> {
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const passwordHash = await hashPassword(password);
  const inserted = await db
    .insertInto('users')
    .values(DEMO_USERS.map((user) => ({ ...user, passwordHash })))
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

export function demoUsersWanted(
  setting: boolean | 'embedded',
  mode: 'embedded' | 'server',
): boolean {
  return setting === 'embedded' ? mode === 'embedded' : setting;
}

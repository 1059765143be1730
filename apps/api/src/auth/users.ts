// Users: creation, listing and admin changes (role, countries, disabling, password reset), each
// audited in the same transaction. The password hash never leaves this module.
import type { CountryCode, Database, UserRole } from '@atlas/db';
import type { Kysely } from 'kysely';
import { writeAccessAudit } from './audit';
import { hashPassword } from './passwords';
import type { AuditActor } from './principal';
import { deleteUserSessions } from './sessions';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  countries: CountryCode[] | null;
  createdAt: string;
  disabledAt: string | null;
}

const COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'countries',
  'version',
  'createdAt',
  'disabledAt',
] as const;

interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  countries: CountryCode[] | null;
  version: number;
  createdAt: Date;
  disabledAt: Date | null;
}

export function publicUser(row: UserRecord): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    countries: row.countries,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

export class DuplicateEmailError extends Error {
  readonly statusCode = 409;
  constructor(email: string) {
    super(`a user with the e-mail ${email} already exists`);
    this.name = 'DuplicateEmailError';
  }
}

export interface NewUser {
  email: string;
  name: string;
  role: UserRole;
  countries?: CountryCode[] | null;
  password: string | null;
}

export async function createUser(
  db: Kysely<Database>,
  input: NewUser,
  actor: AuditActor | null,
): Promise<PublicUser> {
  const email = input.email.toLowerCase();
  const passwordHash = input.password === null ? null : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (existing) throw new DuplicateEmailError(email);
    const row = await trx
      .insertInto('users')
      .values({
        email,
        name: input.name,
        role: input.role,
        countries: input.countries ?? null,
        passwordHash,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const user = publicUser(row);
    if (actor) {
      await writeAccessAudit(trx, {
        actor,
        action: 'create',
        entityType: 'user',
        entityId: row.id,
        version: row.version,
        before: null,
        after: { ...user },
      });
    }
    return user;
  });
}

export async function listUsers(db: Kysely<Database>): Promise<PublicUser[]> {
  const rows = await db.selectFrom('users').select(COLUMNS).orderBy('email').execute();
  return rows.map(publicUser);
}

export async function findUser(db: Kysely<Database>, id: string): Promise<PublicUser | undefined> {
  const row = await db.selectFrom('users').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && publicUser(row);
}

export interface UserChanges {
  name?: string;
  role?: UserRole;
  countries?: CountryCode[] | null;
  password?: string;
  disabled?: boolean;
}

/** Applies an admin's changes; a new password or disabling ends the user's sessions. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  changes: UserChanges,
  actor: AuditActor,
): Promise<PublicUser | undefined> {
  const passwordHash =
    changes.password === undefined ? undefined : await hashPassword(changes.password);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(COLUMNS)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) return undefined;
    const disabledAt =
      changes.disabled === undefined
        ? undefined
        : changes.disabled
          ? (before.disabledAt ?? new Date())
          : null;
    const after = await trx
      .updateTable('users')
      .set({
        ...(changes.name === undefined ? {} : { name: changes.name }),
        ...(changes.role === undefined ? {} : { role: changes.role }),
        ...(changes.countries === undefined ? {} : { countries: changes.countries }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
        ...(disabledAt === undefined ? {} : { disabledAt }),
        version: before.version + 1,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    if (passwordHash !== undefined || changes.disabled === true) await deleteUserSessions(trx, id);
    await writeAccessAudit(trx, {
      actor,
      action: 'update',
      entityType: 'user',
      entityId: id,
      version: after.version,
      before: { ...publicUser(before) },
      // The audit records that the password changed, never what it is.
      after: {
        ...publicUser(after),
        ...(passwordHash === undefined ? {} : { passwordChanged: true }),
      },
    });
    return publicUser(after);
  });
}

/** Looks a user up for login (the only place the hash is read). */
export async function findLoginUser(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('users')
    .select([...COLUMNS, 'passwordHash'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
}

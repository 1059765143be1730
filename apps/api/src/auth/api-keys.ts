// API keys for services: `atlas_<8-character prefix>_<40-character secret>`. The key is shown
// once; the database keeps its SHA-256 hash (and the `atlas_<prefix>` part for recognition).
import type { ApiKeyRow, CountryCode, Database, Role } from '@atlas/db';
import type { Kysely } from 'kysely';
import type { Principal } from './principal';
import { randomAlphanumeric, sameHash, sha256Hex } from './tokens';

export const API_KEY_PATTERN = /^atlas_([A-Za-z0-9]{8})_([A-Za-z0-9]{32,})$/;

/** Roles a key may hold (keys never administer users or keys). */
export const API_KEY_ROLES = ['analyst', 'coordinator'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export interface GeneratedApiKey {
  /** The whole key: give it to the caller once, never store it. */
  key: string;
  /** `atlas_<prefix>`: stored and listed so people can tell keys apart. */
  prefix: string;
  keyHash: string;
}

export function generateApiKey(): GeneratedApiKey {
  const prefix = `atlas_${randomAlphanumeric(8)}`;
  const key = `${prefix}_${randomAlphanumeric(40)}`;
  return { key, prefix, keyHash: sha256Hex(key) };
}

export interface NewApiKey {
  name: string;
  /** The API and the CLI only hand out ApiKeyRole; tests may store others. */
  role: Role;
  countries: CountryCode[] | null;
  createdBy: string | null;
}

export type PublicApiKey = Omit<ApiKeyRow, 'keyHash'>;

const PUBLIC_COLUMNS = [
  'id',
  'name',
  'prefix',
  'role',
  'countries',
  'createdAt',
  'createdBy',
  'lastUsedAt',
  'revokedAt',
] as const;

/** Stores a new key; returns its public row and the key itself (to show once). */
export async function createApiKey(
  db: Kysely<Database>,
  input: NewApiKey,
): Promise<{ apiKey: PublicApiKey; key: string }> {
  const generated = generateApiKey();
  const apiKey = await db
    .insertInto('apiKeys')
    .values({
      name: input.name,
      role: input.role,
      countries: input.countries,
      createdBy: input.createdBy,
      prefix: generated.prefix,
      keyHash: generated.keyHash,
    })
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirstOrThrow();
  return { apiKey, key: generated.key };
}

export function listApiKeys(db: Kysely<Database>): Promise<PublicApiKey[]> {
  return db
    .selectFrom('apiKeys')
    .select(PUBLIC_COLUMNS)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export async function findApiKey(db: Kysely<Database>, id: string) {
  return db.selectFrom('apiKeys').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Marks the key revoked (idempotent: the first revocation time is kept). */
export async function revokeApiKey(db: Kysely<Database>, id: string) {
  return db
    .updateTable('apiKeys')
    .set({ revokedAt: new Date() })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .returning(PUBLIC_COLUMNS)
    .executeTakeFirst();
}

export type ApiKeyLookup =
  { status: 'valid'; apiKey: PublicApiKey } | { status: 'revoked' | 'unknown' | 'malformed' };

/**
 * Finds the key a Bearer token names. The lookup is by the token's hash (an attacker cannot
 * steer the hash, so the index lookup leaks nothing), confirmed with a constant-time compare.
 */
export async function lookupApiKey(db: Kysely<Database>, token: string): Promise<ApiKeyLookup> {
  if (!API_KEY_PATTERN.test(token)) return { status: 'malformed' };
  const hash = sha256Hex(token);
  const row = await db
    .selectFrom('apiKeys')
    .select([...PUBLIC_COLUMNS, 'keyHash'])
    .where('keyHash', '=', hash)
    .executeTakeFirst();
  if (!row || !sameHash(row.keyHash, hash)) return { status: 'unknown' };
  if (row.revokedAt !== null) return { status: 'revoked' };
  const { keyHash: _hash, ...apiKey } = row;
  return { status: 'valid', apiKey };
}

/** The JSON shape of a key (API answers, audit events). */
export function apiKeyView(row: PublicApiKey) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function apiKeyPrincipal(apiKey: PublicApiKey): Principal {
  // Older rows may hold the generic `service` role: it reads, it does not write.
  const role = apiKey.role === 'service' ? 'analyst' : apiKey.role;
  return {
    kind: 'api_key',
    id: apiKey.id,
    label: `key ${apiKey.name}`,
    role,
    countries: apiKey.countries,
  };
}

/**
 * Records when keys are used, at most once a minute per key and without making the request
 * wait. The SQL condition keeps several API instances from writing more often either.
 */
export class LastUsedRecorder {
  private readonly lastWrite = new Map<string, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (error: unknown) => void,
    private readonly intervalMs = 60_000,
  ) {}

  record(keyId: string): void {
    const now = Date.now();
    const previous = this.lastWrite.get(keyId);
    if (previous !== undefined && now - previous < this.intervalMs) return;
    this.lastWrite.set(keyId, now);
    const threshold = new Date(now - this.intervalMs);
    const write = this.db
      .updateTable('apiKeys')
      .set({ lastUsedAt: new Date(now) })
      .where('id', '=', keyId)
      .where((eb) => eb.or([eb('lastUsedAt', 'is', null), eb('lastUsedAt', '<', threshold)]))
      .execute()
      .then(
        () => undefined,
        (error: unknown) => {
          this.onError(error);
        },
      )
      .finally(() => {
        this.pending.delete(write);
      });
    this.pending.add(write);
  }

  /** Waits for writes in flight (before the database closes). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}

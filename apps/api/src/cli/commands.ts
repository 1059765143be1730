// The `atlas` CLI's commands, separate from process handling so they read as plain functions.
import { countries as countryList, type CountryCode } from '@atlas/domain';
import type { Database, UserRole } from '@atlas/db';
import type { Kysely } from 'kysely';
import { parseArgs } from 'node:util';
import {
  API_KEY_ROLES,
  apiKeyView,
  createApiKey,
  listApiKeys,
  revokeApiKey,
  type ApiKeyRole,
} from '../auth/api-keys';
import { CLI_ACTOR, writeAccessAudit } from '../auth/audit';
import { randomAlphanumeric } from '../auth/tokens';
import { createUser, listUsers } from '../auth/users';
import { importCommand, ImportUsageError, type ImportIo } from './import-command';

export const USAGE = `Usage:
  atlas user create --email <e-mail> --name <name> --role admin|coordinator|analyst
                    [--countries GT,HN] [--password-stdin]
  atlas user list
  atlas key create --name <name> --role analyst|coordinator [--countries GT,HN]
  atlas key list
  atlas key revoke <id>
  atlas import <file> --collection programs|sites|corridors|communities|incidents
               --source <name> --as <user e-mail> [--format csv|geojson|iati]
               [--map field=column …] [--delimiter ';'] [--commit]`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandIo {
  out: (line: string) => void;
  readStdin: () => Promise<string>;
  /** Progress of long commands (import), shown on stderr. */
  progress?: ImportIo['progress'];
  /** Set when the command ran but failed (e.g. an import with problems): the exit code. */
  exitCode?: number;
}

const USER_ROLES: readonly UserRole[] = ['admin', 'coordinator', 'analyst'];
const COUNTRY_CODES = new Set<string>(countryList.map((country) => country.code));

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`missing --${flag}`);
  return value;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function parseCountries(value: string | undefined): CountryCode[] | null {
  if (value === undefined) return null;
  const codes = [...new Set(value.split(',').map((code) => code.trim().toUpperCase()))];
  const unknown = codes.filter((code) => !COUNTRY_CODES.has(code));
  if (codes.length === 0 || unknown.length > 0) {
    throw new UsageError(`unknown country codes: ${unknown.join(', ') || '(none given)'}`);
  }
  return codes as CountryCode[];
}

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  countries: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  collection: { type: 'string' },
  source: { type: 'string' },
  as: { type: 'string' },
  format: { type: 'string' },
  map: { type: 'string', multiple: true },
  delimiter: { type: 'string' },
  commit: { type: 'boolean' },
} as const;

const COMMANDS = ['user create', 'user list', 'key create', 'key list', 'key revoke'];

/** Runs one command; `openDb` is called only once the arguments are known to be valid. */
export async function runCommand(
  openDb: () => Promise<Kysely<Database>>,
  argv: readonly string[],
  io: CommandIo,
): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (positionals[0] === 'import') {
    try {
      const report = await importCommand(
        openDb,
        { ...values, file: positionals[1], commit: values.commit === true },
        io,
      );
      if (report.problemCount > 0) io.exitCode = 1;
    } catch (error) {
      if (error instanceof ImportUsageError) throw new UsageError(error.message);
      throw error;
    }
    return;
  }
  const command = positionals.slice(0, 2).join(' ');
  if (!COMMANDS.includes(command)) {
    throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  }

  if (command === 'user create') {
    const fromStdin = values['password-stdin'] === true;
    const password = fromStdin
      ? (await io.readStdin()).replace(/\r?\n$/, '')
      : randomAlphanumeric(20);
    if (password.length < 12) throw new UsageError('the password must have at least 12 characters');
    const input = {
      email: required(values.email, 'email'),
      name: required(values.name, 'name'),
      role: oneOf(required(values.role, 'role'), USER_ROLES, 'role'),
      countries: parseCountries(values.countries),
      password,
    };
    const user = await createUser(await openDb(), input, CLI_ACTOR);
    io.out(`created user ${user.id} ${user.email} (${user.role})`);
    if (!fromStdin) io.out(`password (shown once): ${password}`);
    return;
  }
  if (command === 'user list') {
    for (const user of await listUsers(await openDb())) {
      const scope = user.countries?.join(',') ?? 'all countries';
      const state = user.disabledAt ? ' disabled' : '';
      io.out(`${user.id}  ${user.email}  ${user.role}  ${scope}${state}`);
    }
    return;
  }
  if (command === 'key create') {
    const role = oneOf<ApiKeyRole>(required(values.role, 'role'), API_KEY_ROLES, 'role');
    const input = {
      name: required(values.name, 'name'),
      role,
      countries: parseCountries(values.countries),
      createdBy: null,
    };
    const db = await openDb();
    const created = await db.transaction().execute(async (trx) => {
      const result = await createApiKey(trx, input);
      await writeAccessAudit(trx, {
        actor: CLI_ACTOR,
        action: 'create',
        entityType: 'api_key',
        entityId: result.apiKey.id,
        version: null,
        before: null,
        after: apiKeyView(result.apiKey),
      });
      return result;
    });
    io.out(`created key ${created.apiKey.id} ${created.apiKey.name} (${role})`);
    io.out(`key (shown once; store it now): ${created.key}`);
    return;
  }
  if (command === 'key list') {
    for (const key of await listApiKeys(await openDb())) {
      const state = key.revokedAt
        ? 'revoked'
        : `last used ${key.lastUsedAt?.toISOString() ?? 'never'}`;
      io.out(
        `${key.id}  ${key.prefix}…  ${key.name}  ${key.role}  ${key.countries?.join(',') ?? 'all countries'}  ${state}`,
      );
    }
    return;
  }
  if (command === 'key revoke') {
    const id = positionals[2];
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new UsageError('key revoke needs the key id');
    const db = await openDb();
    const revoked = await db.transaction().execute(async (trx) => {
      const after = await revokeApiKey(trx, id);
      if (after) {
        await writeAccessAudit(trx, {
          actor: CLI_ACTOR,
          action: 'delete',
          entityType: 'api_key',
          entityId: id,
          version: null,
          before: { ...apiKeyView(after), revokedAt: null },
          after: apiKeyView(after),
        });
      }
      return after;
    });
    if (!revoked) throw new Error(`no active API key with id ${id}`);
    io.out(`revoked key ${id}`);
    return;
  }
}

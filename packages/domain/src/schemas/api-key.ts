import Type, { type Static } from 'typebox';
import { Role } from '../codes';
import { Nullable, Text, Timestamp, Uuid } from './common';
import { CountryScope } from './user';

/** An API key as listed; only the key's hash is stored, the key itself is shown once. */
export const ApiKey = Type.Object(
  {
    id: Uuid,
    name: Text(200),
    /** The first characters of the key, shown so people can recognise it. */
    prefix: Type.String({ minLength: 4, maxLength: 32 }),
    role: Role,
    countries: CountryScope,
    createdAt: Timestamp,
    createdBy: Nullable(Uuid),
    lastUsedAt: Nullable(Timestamp),
    revokedAt: Nullable(Timestamp),
  },
  { additionalProperties: false, $id: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKey>;

export const ApiKeyInput = Type.Object(
  { name: Text(200), role: Role, countries: Type.Optional(CountryScope) },
  { additionalProperties: false, $id: 'ApiKeyInput' },
);
export type ApiKeyInput = Static<typeof ApiKeyInput>;

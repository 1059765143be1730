import Type, { type Static } from 'typebox';
import { CountryCode, UserRole } from '../codes';
import { Nullable, Text, Timestamp, Uuid } from './common';

/** Lower-case e-mail address (users are looked up by it). */
export const Email = Type.String({
  format: 'email',
  maxLength: 254,
  pattern: '^[^A-Z]*$',
  title: 'Email',
});

/** Countries a coordinator may edit; null means every country. */
export const CountryScope = Nullable(
  Type.Array(CountryCode, { minItems: 1, uniqueItems: true, title: 'CountryScope' }),
);

/** A person who signs in. The password hash never leaves the database layer. */
export const User = Type.Object(
  {
    id: Uuid,
    email: Email,
    name: Text(200),
    role: UserRole,
    countries: CountryScope,
    createdAt: Timestamp,
    disabledAt: Nullable(Timestamp),
  },
  { additionalProperties: false, $id: 'User' },
);
export type User = Static<typeof User>;

export const Password = Type.String({ minLength: 12, maxLength: 200, title: 'Password' });

export const UserInput = Type.Object(
  {
    email: Email,
    name: Text(200),
    role: UserRole,
    countries: Type.Optional(CountryScope),
    password: Password,
  },
  { additionalProperties: false, $id: 'UserInput' },
);
export type UserInput = Static<typeof UserInput>;

export const UserPatch = Type.Object(
  {
    name: Type.Optional(Text(200)),
    role: Type.Optional(UserRole),
    countries: Type.Optional(CountryScope),
    password: Type.Optional(Password),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, $id: 'UserPatch' },
);
export type UserPatch = Static<typeof UserPatch>;

// Request and response shapes of /api/v1/users and /api/v1/auth (from the domain schemas).
import { CountryCode, User, UserInput, UserPatch, UserRole } from '@atlas/domain';
import Type from 'typebox';

/** The domain User without its $id (so several routes can embed it). */
export const UserView = Type.Object(User.properties, { additionalProperties: false });
export const UserList = Type.Object({ items: Type.Array(UserView) });
export const NewUserBody = Type.Object(UserInput.properties, { additionalProperties: false });
export const UserPatchBody = Type.Object(UserPatch.properties, { additionalProperties: false });
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const PrincipalView = Type.Object({
  kind: Type.Union([Type.Literal('user'), Type.Literal('api_key'), Type.Literal('anonymous')]),
  id: Type.Union([Type.String(), Type.Null()]),
  label: Type.String(),
  role: Type.Union([UserRole, Type.Null()]),
  countries: Type.Union([Type.Array(CountryCode), Type.Null()]),
});

import Type from 'typebox';
import { PrincipalView, UserView } from '../users/schemas';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const LoginResponse = Type.Object({
  user: UserView,
  /** Send back in the x-csrf-token header with every write. */
  csrfToken: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const MeResponse = Type.Object({
  principal: PrincipalView,
  /** The signed-in user (null for API keys). */
  user: Type.Union([UserView, Type.Null()]),
  /** The session's CSRF token (null for API keys). */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

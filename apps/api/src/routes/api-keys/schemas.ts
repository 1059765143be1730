import { ApiKey, CountryCode } from '@atlas/domain';
import Type from 'typebox';
import { API_KEY_ROLES } from '../../auth/api-keys';

export const ApiKeyView = Type.Object(ApiKey.properties, { additionalProperties: false });
export const ApiKeyList = Type.Object({ items: Type.Array(ApiKeyView) });

export const NewApiKeyBody = Type.Object(
  {
    name: ApiKey.properties.name,
    role: Type.Union(API_KEY_ROLES.map((role) => Type.Literal(role))),
    countries: Type.Optional(
      Type.Union([Type.Array(CountryCode, { minItems: 1, uniqueItems: true }), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);

export const CreatedApiKey = Type.Object({
  ...ApiKey.properties,
  /** The key itself: shown this once, never again. */
  key: Type.String(),
});

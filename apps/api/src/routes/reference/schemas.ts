import Type from 'typebox';
import { REFERENCE_LISTS } from './content';

export const ReferenceQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.Union([Type.Literal('en'), Type.Literal('es')], {
        description: 'Answer one `label` per entry in this language instead of `en` and `es`',
      }),
    ),
  },
  { additionalProperties: false },
);

/** One code: `en` and `es` labels, or `label` when `lang` is given. */
const ReferenceEntry = Type.Object(
  {
    code: Type.Union([Type.String(), Type.Integer()]),
    en: Type.Optional(Type.String()),
    es: Type.Optional(Type.String()),
    label: Type.Optional(Type.String({ description: 'With `lang`: the label in that language' })),
    iso3: Type.Optional(Type.String({ description: 'Countries: ISO 3166-1 alpha-3' })),
    carsi: Type.Optional(
      Type.Boolean({ description: 'Countries: a CARSI member (false: context country)' }),
    ),
  },
  { title: 'ReferenceEntry' },
);

export const ReferenceDocument = Type.Object(
  {
    lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('es')])),
    ...Object.fromEntries(
      Object.keys(REFERENCE_LISTS).map((name) => [name, Type.Array(ReferenceEntry)]),
    ),
  },
  { title: 'Reference' },
);

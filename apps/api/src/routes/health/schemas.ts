import Type from 'typebox';

export const LiveResponse = Type.Object({ status: Type.Literal('ok') });

export const ReadyResponse = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Object({
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
    postgis: Type.String({ description: 'PostGIS library version' }),
    mvt: Type.Boolean({ description: 'The database can encode vector tiles (ST_AsMVT)' }),
  }),
});

export const UnavailableResponse = Type.Object({
  status: Type.Literal('unavailable'),
  reason: Type.String(),
});

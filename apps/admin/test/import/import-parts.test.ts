// The import page's pure parts: reading a file's columns in the browser, the API's answer
// (NDJSON progress lines, then the result; or a problem before streaming began), the progress
// shown, and the report's problems in English and Spanish.
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvHeader, geoJsonColumns, splitCsvLine } from '../../src/import/file-columns';
import { ImportError, parseImportAnswer, type ImportReport } from '../../src/import/import-api';
import importEn from '../../src/import/locales/en.json';
import importEs from '../../src/import/locales/es.json';
import { fieldLabel, translateProblem } from '../../src/import/messages';
import { formatFromName, targetsOf } from '../../src/import/targets';
import { percentDone } from '../../src/import/use-import-run';
import registryEn from '../../src/locales/en/registry.json';
import registryEs from '../../src/locales/es/registry.json';

const report: ImportReport = {
  collection: 'incidents',
  source: 'unodc-2012',
  format: 'csv',
  committed: false,
  batchId: null,
  rows: 2,
  created: 2,
  updated: 0,
  unchanged: 0,
  problemCount: 0,
  deniedCount: 0,
  problems: [],
  mapping: { externalId: 'record_id' },
};

describe('the columns of a chosen file', () => {
  it('reads a CSV header with a BOM, quotes and another delimiter', () => {
    expect(csvHeader('\uFEFFrecord_id,"Occurred, on",kind\r\n1,2,3', ',')).toEqual([
      'record_id',
      'Occurred, on',
      'kind',
    ]);
    expect(csvHeader('a;b;"c ""quoted"""\n', ';')).toEqual(['a', 'b', 'c "quoted"']);
    expect(splitCsvLine('a\tb\t', '\t')).toEqual(['a', 'b']);
  });

  it("collects a GeoJSON file's property names, with the feature id", () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'A', kind: 'x' }, geometry: null },
        { type: 'Feature', properties: { year: 2020 }, geometry: null },
        { type: 'Feature', properties: null, geometry: null },
      ],
    });
    expect(geoJsonColumns(text)).toEqual(['id', 'name', 'kind', 'year']);
  });

  it('guesses the format from the name and lists the targets of each collection', () => {
    expect(formatFromName('Seizures.CSV')).toBe('csv');
    expect(formatFromName('sites.geojson')).toBe('geojson');
    expect(formatFromName('activities.xml')).toBe('iati');
    expect(formatFromName('notes.pdf')).toBeUndefined();
    expect(targetsOf('programs')).not.toContain('wkt');
    expect(targetsOf('incidents')).toEqual(
      expect.arrayContaining(['externalId', 'occurredOn', 'longitude', 'latitude', 'wkt']),
    );
  });
});

describe("the API's answer", () => {
  it('takes the report from the result line after the progress lines', () => {
    const raw = [
      JSON.stringify({ type: 'progress', rows: 500 }),
      JSON.stringify({ ...report, type: 'result', status: 200 }),
      '',
    ].join('\n');
    expect(parseImportAnswer(200, raw)).toMatchObject({ rows: 2, created: 2 });
  });

  it('throws a refused commit with its problems and report', () => {
    const refused = {
      type: 'result',
      status: 400,
      title: 'Bad Request',
      detail: '1 problem(s) in 2 rows; nothing was imported',
      errors: [{ path: '/rows/2/country', message: 'must be equal to one of the allowed values' }],
      report: { ...report, problemCount: 1 },
    };
    const error = (() => {
      try {
        parseImportAnswer(200, `${JSON.stringify(refused)}\n`);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ImportError);
    const failure = error as ImportError;
    expect(failure.status).toBe(400);
    expect(failure.report?.problemCount).toBe(1);
    expect(failure.fieldErrors).toEqual([
      { path: '/rows/2/country', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('throws a problem answered before streaming began (a plain JSON body)', () => {
    const body = JSON.stringify({ status: 400, detail: 'the file has no column "x"' });
    expect(() => parseImportAnswer(400, body)).toThrow('the file has no column "x"');
  });

  it('shows 100 % only with the result, and the bytes sent before', () => {
    expect(percentDone({ state: 'idle' })).toBe(0);
    const progress = { sent: 50, total: 200, rows: 0 };
    expect(percentDone({ state: 'running', commit: true, progress })).toBe(25);
    const sent = { sent: 200, total: 200, rows: 500 };
    expect(percentDone({ state: 'running', commit: true, progress: sent })).toBe(99);
    expect(percentDone({ state: 'done', key: 'k', report })).toBe(100);
  });
});

describe('problems in the user language', () => {
  const translators: Partial<Record<'en' | 'es', TFunction>> = {};
  beforeAll(async () => {
    for (const lng of ['en', 'es'] as const) {
      const i18n = createInstance();
      await i18n.init({
        lng,
        resources: {
          en: { import: importEn, registry: registryEn },
          es: { import: importEs, registry: registryEs },
        },
        ns: ['import', 'registry'],
        defaultNS: 'import',
        interpolation: { escapeValue: false },
      });
      translators[lng] = i18n.t;
    }
  });

  it('translates the conversion, schema and rule messages, and names the fields', () => {
    const en = translators.en as TFunction;
    const es = translators.es as TFunction;
    expect(translateProblem('"many" is not a number', es)).toBe('«many» no es un número');
    expect(translateProblem('must be equal to one of the allowed values', es)).toBe(
      'No es uno de los valores permitidos',
    );
    expect(translateProblem('duplicate id "E2": an earlier row (2) has it', en)).toBe(
      'The id “E2” appears in an earlier row (2)',
    );
    expect(translateProblem('must be a calendar date YYYY-MM-DD', es)).toBe(
      'Debe ser una fecha del calendario (AAAA-MM-DD)',
    );
    // An unknown message is shown as the API wrote it.
    expect(translateProblem('something new', es)).toBe('something new');
    expect(fieldLabel('occurredOn', es)).toBe('Fecha');
    expect(fieldLabel('externalId', es)).toBe('Id externo');
    expect(fieldLabel('mystery', en)).toBe('mystery');
  });
});

// Programs as IATI activities (IATI Activity Standard 2.03) and back. The program line and the
// CARSI goals are the publisher's own vocabularies (vocabulary="99" with a vocabulary-uri);
// committed and disbursed funding are transactions of type 2 and 3 whose @ref names the fiscal
// year, account and stage; obligated funding is a budget per fiscal year and account. Values that
// IATI has no element for (the account of a budget, an indicator's unit, a site's IATI
// GeographicalPrecision code, a polygon site's shape) are kept in attributes and elements of
// the `atlas` namespace, which IATI allows on its elements, so an exported file imports back
// without loss — locations become the program's sites (see iati-sites.ts).
import {
  agencies,
  fiscalYearRange,
  goals,
  label,
  programLines,
  type ProgramInput,
} from '@atlas/domain';
import XMLBuilder from 'fast-xml-builder';
import { XMLParser } from 'fast-xml-parser';
import type { Geometry } from 'geojson';
import type { ProgramRecord } from '../programs/schemas';
import type { ConvertedSourceRow } from './importer';
import { iatiLocationInputs } from './iati-locations';
import { attr, narrativeIn, node, nodes, str, text, type Node } from './iati-nodes';

export const ATLAS_NS = 'https://carsi-atlas.org/ns/iati-extension';

export interface IatiPublisher {
  /** The reporting organisation's IATI identifier, e.g. `US-GOV-1`. */
  ref: string;
  name: string;
  /** Base of the vocabulary URIs (the API's /api/v1/reference). */
  vocabularyUri: string;
}

export interface IatiLocation {
  id: string;
  name: string;
  precision: number;
  /** A point on the site (its own point, or a point on its polygon). */
  point: [number, number];
  description: string | null;
  illustrative: boolean;
  /** The site's geometry when it is not that point (a polygon), as GeoJSON. */
  shape: Geometry | null;
}

const STATUS_TO_IATI = { planned: 1, active: 2, completed: 4, suspended: 6 } as const;
const IATI_TO_STATUS: Record<string, ProgramInput['status']> = {
  '1': 'planned',
  '2': 'active',
  '3': 'active',
  '4': 'completed',
  '5': 'suspended',
  '6': 'suspended',
};

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

const narrative = (text: string, lang?: string) =>
  lang ? { '@xml:lang': lang, '#text': text } : { '#text': text };

const bilingual = (en: string, es: string) => ({
  narrative: [narrative(en), ...(es ? [narrative(es, 'es')] : [])],
});

export function iatiIdentifier(publisher: IatiPublisher, program: { code: string }): string {
  return `${publisher.ref}-${program.code}`;
}

function fiscalYearPeriod(year: number) {
  const range = fiscalYearRange(year);
  return {
    'period-start': { '@iso-date': range.start },
    'period-end': { '@iso-date': range.end },
  };
}

function percentages(count: number): number[] {
  const base = Math.floor(10000 / count) / 100;
  const shares = Array.from({ length: count }, () => base);
  shares[0] = Number((100 - base * (count - 1)).toFixed(2));
  return shares;
}

function activity(publisher: IatiPublisher, program: ProgramRecord, locations: IatiLocation[]) {
  const shares = percentages(program.countries.length);
  const byStage = (stage: string) => program.funding.filter((row) => row.stage === stage);
  const transaction = (type: number) => (row: ProgramRecord['funding'][number]) => ({
    '@ref': `${row.fiscalYear}/${row.account}/${row.stage}`,
    'transaction-type': { '@code': type },
    'transaction-date': { '@iso-date': fiscalYearRange(row.fiscalYear).start },
    value: {
      '@currency': 'USD',
      '@value-date': fiscalYearRange(row.fiscalYear).start,
      '#text': row.amountUsd,
    },
  });
  return {
    '@default-currency': 'USD',
    '@last-updated-datetime': program.updatedAt.replace(/\.\d+Z$/, 'Z'),
    '@xml:lang': 'en',
    '@hierarchy': 1,
    '@atlas:illustrative': program.illustrative,
    'iati-identifier': iatiIdentifier(publisher, program),
    'reporting-org': { '@ref': publisher.ref, '@type': 10, ...bilingual(publisher.name, '') },
    title: bilingual(program.title, program.titleEs),
    description: { '@type': 1, ...bilingual(program.summary, program.summaryEs) },
    'participating-org': [
      { '@role': 1, '@ref': publisher.ref, '@type': 10, ...bilingual(publisher.name, '') },
      {
        '@role': 3,
        '@type': 10,
        '@atlas:agency': program.agency,
        ...bilingual(label(agencies, program.agency, 'en'), label(agencies, program.agency, 'es')),
      },
      ...program.partners.map((partner) => ({ '@role': 4, ...bilingual(partner, '') })),
    ],
    'other-identifier': { '@ref': program.code, '@type': 'A1' },
    'activity-status': { '@code': STATUS_TO_IATI[program.status] },
    'activity-date': [
      { '@type': program.status === 'planned' ? 1 : 2, '@iso-date': program.startDate },
      ...(program.endDate
        ? [{ '@type': program.status === 'completed' ? 4 : 3, '@iso-date': program.endDate }]
        : []),
    ],
    'recipient-country': program.countries.map((code, index) => ({
      '@code': code,
      '@percentage': shares[index],
    })),
    location: locations.map((location) => ({
      '@ref': location.id,
      '@atlas:precision': location.precision,
      '@atlas:illustrative': location.illustrative,
      'location-reach': { '@code': 1 },
      name: bilingual(location.name, ''),
      ...(location.description ? { description: bilingual(location.description, '') } : {}),
      point: {
        '@srsName': 'http://www.opengis.net/def/crs/EPSG/0/4326',
        pos: `${location.point[1]} ${location.point[0]}`,
      },
      exactness: { '@code': location.precision <= 1 ? 1 : 2 },
      ...(location.shape ? { 'atlas:geometry': JSON.stringify(location.shape) } : {}),
    })),
    sector: {
      '@vocabulary': 99,
      '@vocabulary-uri': `${publisher.vocabularyUri}#programLines`,
      '@code': program.line,
      '@percentage': 100,
      ...bilingual(
        label(programLines, program.line, 'en'),
        label(programLines, program.line, 'es'),
      ),
    },
    'policy-marker': program.goals.map((goal) => ({
      '@vocabulary': 99,
      '@vocabulary-uri': `${publisher.vocabularyUri}#goals`,
      '@code': goal,
      ...bilingual(label(goals, goal, 'en'), label(goals, goal, 'es')),
    })),
    budget: byStage('obligated').map((row) => ({
      '@type': 1,
      '@status': 2,
      '@atlas:account': row.account,
      ...fiscalYearPeriod(row.fiscalYear),
      value: {
        '@currency': 'USD',
        '@value-date': fiscalYearRange(row.fiscalYear).start,
        '#text': row.amountUsd,
      },
    })),
    transaction: [
      ...byStage('committed').map(transaction(2)),
      ...byStage('disbursed').map(transaction(3)),
    ],
    result: program.indicators.map((indicator) => ({
      '@type': 1,
      title: bilingual(indicator.name, ''),
      indicator: {
        '@measure': 1,
        '@ascending': 1,
        '@atlas:unit': indicator.unit,
        reference: { '@vocabulary': 99, '@code': indicator.code },
        title: bilingual(indicator.name, ''),
        baseline: { '@iso-date': program.startDate, '@value': indicator.baseline },
        period: {
          'period-start': { '@iso-date': program.startDate },
          'period-end': { '@iso-date': program.endDate ?? program.startDate },
          target: { '@value': indicator.target },
          ...(indicator.actual === null ? {} : { actual: { '@value': indicator.actual } }),
        },
      },
    })),
    ...(program.source ? { 'atlas:source': program.source } : {}),
  };
}

/** The opening of an activity file (activities follow, then IATI_FOOTER). */
export function iatiHeader(generatedAt: Date): string {
  const stamp = generatedAt.toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<iati-activities version="2.03" generated-datetime="${stamp}" xmlns:atlas="${ATLAS_NS}">\n`
  );
}

export const IATI_FOOTER = '</iati-activities>\n';

export function iatiActivityXml(
  publisher: IatiPublisher,
  program: ProgramRecord,
  locations: IatiLocation[],
): string {
  return builder.build({ 'iati-activity': activity(publisher, program, locations) });
}

// ---- import ----------------------------------------------------------------------------------

const ARRAYS = new Set([
  'iati-activity',
  'narrative',
  'participating-org',
  'activity-date',
  'recipient-country',
  'sector',
  'policy-marker',
  'budget',
  'transaction',
  'result',
  'location',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAYS.has(name),
});

function fiscalYearOf(isoDate: string | undefined): number {
  const [year, month] = (isoDate ?? '').split('-').map(Number);
  return (month ?? 0) >= 10 ? year! + 1 : year!;
}

/** The activities of an IATI file as candidate program inputs, keyed by iati-identifier. */
export function parseIatiActivities(xml: string): ConvertedSourceRow[] {
  const document = parser.parse(xml) as Node;
  const root = node(document['iati-activities']);
  if (!root) throw new Error('not an IATI activity file (no <iati-activities>)');
  return nodes(root['iati-activity']).map((item, index) => activityInput(item, index + 1));
}

/** The publisher's own vocabulary (99) whose URI names this code list of an Atlas reference. */
const ours = (list: string) => (element: Node) =>
  str(element['@vocabulary']) === '99' &&
  str(element['@vocabulary-uri']).endsWith(`/reference#${list}`);

function activityInput(item: Node, row: number): ConvertedSourceRow {
  const orgs = nodes(item['participating-org']);
  const dates = nodes(item['activity-date']);
  const dateOf = (...types: string[]) =>
    dates.find((date) => types.includes(str(date['@type'])))?.['@iso-date'] as string | undefined;
  const transactions = nodes(item.transaction);
  const funding = [
    ...nodes(item.budget).map((budget) => ({
      fiscalYear: fiscalYearOf(attr(budget['period-start'], 'iso-date')),
      account: str(budget['@atlas:account']),
      stage: 'obligated',
      amountUsd: Number(text(budget.value)),
    })),
    ...transactions.map((transaction) => {
      const [year, account, stage] = str(transaction['@ref']).split('/');
      const type = attr(transaction['transaction-type'], 'code');
      return {
        fiscalYear: Number(year) || fiscalYearOf(attr(transaction['transaction-date'], 'iso-date')),
        account: account ?? '',
        stage: stage ?? (type === '3' ? 'disbursed' : 'committed'),
        amountUsd: Number(text(transaction.value)),
      };
    }),
  ];
  const extending = orgs.find((org) => str(org['@role']) === '3');
  const otherId = node(item['other-identifier']);
  const value: Record<string, unknown> = {
    code: otherId ? str(otherId['@ref']) : undefined,
    title: narrativeIn(item.title, 'en'),
    titleEs: narrativeIn(item.title, 'es'),
    summary: narrativeIn(item.description, 'en'),
    summaryEs: narrativeIn(item.description, 'es'),
    line: nodes(item.sector)
      .filter(ours('programLines'))
      .map((sector) => str(sector['@code']))[0],
    goals: nodes(item['policy-marker'])
      .filter(ours('goals'))
      .map((marker) => Number(marker['@code'])),
    countries: nodes(item['recipient-country']).map((country) => str(country['@code'])),
    agency: extending?.['@atlas:agency'],
    partners: orgs.filter((org) => str(org['@role']) === '4').map((org) => narrativeIn(org, 'en')),
    status: IATI_TO_STATUS[attr(item['activity-status'], 'code') ?? ''],
    startDate: dateOf('2', '1'),
    endDate: dateOf('4', '3') ?? null,
    funding,
    indicators: nodes(item.result).map((result) => {
      const indicator = node(result.indicator) ?? {};
      const period = node(indicator.period) ?? {};
      const actual = attr(period.actual, 'value');
      return {
        code: attr(indicator.reference, 'code'),
        name: narrativeIn(indicator.title, 'en'),
        unit: indicator['@atlas:unit'],
        baseline: Number(attr(indicator.baseline, 'value')),
        target: Number(attr(period.target, 'value')),
        actual: actual === undefined ? null : Number(actual),
      };
    }),
    source: item['atlas:source'] === undefined ? null : text(item['atlas:source']),
    illustrative: str(item['@atlas:illustrative']) === 'true',
  };
  const externalId = text(item['iati-identifier']).trim() || undefined;
  const problems = externalId
    ? []
    : [{ row, field: 'externalId', message: 'the activity has no iati-identifier' }];
  const sites = iatiLocationInputs(nodes(item.location), externalId ?? `row-${row}`);
  problems.push(...sites.problems.map((problem) => ({ row, ...problem })));
  return { row, externalId, value: dropUndefined(value), problems, sites: sites.sites };
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined));
}

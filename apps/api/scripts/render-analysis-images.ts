/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument,
   @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access,
   @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return --
   the pictures read the analyses' JSON loosely: their shapes are checked by the API tests. */
// Renders the pictures of docs/analysis.md: starts the API on a fresh embedded database with
// the sample data, runs each analysis, draws its result as SVG (svg-map.ts) and screenshots it
// to PNG in headless Chromium. Usage (from apps/api):
//   node --import tsx scripts/render-analysis-images.ts [chromium path, default /usr/bin/chromium]
import { openDatabase } from '@atlas/db';
import { loadBoundaries } from '@atlas/geodata';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../src/app';
import { createApiKey } from '../src/auth/api-keys';
import { loadConfig } from '../src/config';
import { createMap } from './svg-map';

const OUT = fileURLToPath(new URL('../../../docs/images/', import.meta.url));
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Fc = FeatureCollection<Geometry, Record<string, any>>;
type Body = Record<string, any>;

const { countries } = loadBoundaries();

function baseMap(bbox: [number, number, number, number], width = 900) {
  const map = createMap({ bbox, width });
  for (const country of countries.features) {
    map.add(country.geometry, { fill: '#f4f1ea', stroke: '#b9b2a4', strokeWidth: 0.8 });
  }
  return map;
}

function each(collection: Fc, draw: (feature: Feature<Geometry, Record<string, any>>) => void) {
  for (const feature of collection.features) draw(feature);
}

const pictures: Record<string, (body: Body) => string> = {
  'corridor-coverage': (body) => {
    const map = baseMap([-92.9, 14.1, -90.2, 17.1], 800);
    map.add(body.corridor.geometry, { stroke: '#555', strokeWidth: 9, opacity: 0.25 });
    each(body.uncovered, (f) => {
      map.add(f.geometry, { stroke: '#d7301f', strokeWidth: 4 });
    });
    each(body.covered, (f) => {
      map.add(f.geometry, { stroke: '#1a9850', strokeWidth: 4 });
    });
    each(body.sites, (f) => {
      map.add(f.geometry, { fill: '#2c7fb8', stroke: 'white', radius: 5 });
    });
    const share = (body.coveredShare * 100).toFixed(1);
    return map.svg(
      `Corridor coverage: ${share}% of ${(body.lengthM / 1000).toFixed(0)} km within ${body.parameters.radiusKm} km`,
      [
        ['#1a9850', 'covered stretch'],
        ['#d7301f', 'uncovered stretch'],
        ['#2c7fb8', 'covering site'],
      ],
    );
  },
  'border-crossings': (body) => {
    const map = baseMap([-94.5, 8.5, -82, 19]);
    each(body.crossings, (f) => {
      const site = f.properties.nearestSite;
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      if (site) {
        map.add(
          { type: 'LineString', coordinates: [[lon!, lat!], site.coordinates] },
          { stroke: '#444', dash: '4 3' },
        );
        map.add({ type: 'Point', coordinates: site.coordinates }, { fill: '#2c7fb8', radius: 3.5 });
      }
      map.add(f.geometry, {
        fill: f.properties.guarded ? '#1a9850' : '#d7301f',
        stroke: 'white',
        radius: 6,
      });
    });
    return map.svg(
      `Border crossings of land corridors: ${body.counts.unguarded} of ${body.counts.crossings} unguarded within ${body.parameters.radiusKm} km`,
      [
        ['#d7301f', 'unguarded crossing'],
        ['#1a9850', 'guarded crossing'],
        ['#2c7fb8', 'nearest enforcement site (dashed)'],
      ],
    );
  },
  'coverage-gaps': (body) => {
    const map = baseMap([-92.5, 12.5, -83, 17.8]);
    const top = Math.max(
      ...body.gaps.features.map((f: Feature<Geometry, any>) => f.properties.need),
    );
    each(body.gaps, (f) => {
      const site = f.properties.nearestSite;
      const center = f.geometry.type === 'Point' ? f.geometry.coordinates : site ? null : null;
      if (site && center) {
        map.add(
          { type: 'LineString', coordinates: [center, site.coordinates] },
          { stroke: '#777', dash: '3 3' },
        );
      }
      const radius = 3 + 12 * Math.sqrt(f.properties.need / top);
      const point =
        f.geometry.type === 'Point'
          ? f.geometry
          : { type: 'Point' as const, coordinates: (f.geometry as any).coordinates[0][0] };
      map.add(point, { fill: '#d7301f', opacity: 0.7, stroke: 'white', radius });
      if (f.properties.rank <= 5)
        map.text(point.coordinates, `${f.properties.rank}. ${f.properties.name}`, 12);
    });
    return map.svg(
      `Coverage gaps: ${body.counts.gaps} of ${body.counts.communities} communities with no prevention site within ${body.parameters.radiusKm} km`,
      [
        ['#d7301f', 'community, size by need (population × homicide rate)'],
        ['#777', 'to the nearest prevention site'],
      ],
    );
  },
  summary: (body) => {
    const years = body.funding.byFiscalYear as {
      fiscalYear: number;
      totals: Record<string, number>;
    }[];
    const width = 900;
    const height = 420;
    const max = Math.max(...years.map((y) => y.totals.committed ?? 0));
    const barWidth = (width - 120) / years.length;
    const bars = years
      .map((year, i) => {
        const x = 80 + i * barWidth;
        const bar = (stage: string, color: string, offset: number) => {
          const h = (year.totals[stage]! / max) * 280;
          return `<rect x="${x + offset}" y="${360 - h}" width="${barWidth / 3.5}" height="${h}" fill="${color}"/>`;
        };
        return (
          bar('committed', '#9ecae1', 4) +
          bar('obligated', '#4292c6', 4 + barWidth / 3.5) +
          bar('disbursed', '#08519c', 4 + (2 * barWidth) / 3.5) +
          `<text x="${x + barWidth / 2}" y="380" font-size="12" text-anchor="middle" font-family="sans-serif">FY${year.fiscalYear}</text>`
        );
      })
      .join('');
    const perHead = body.funding.perInhabitant?.committed?.toFixed(2) ?? '—';
    const lines = [
      `${body.programs.count} programs · ${body.incidents.total} incidents · ${body.communities.count} communities at risk`,
      `committed $${(body.funding.totals.committed / 1e6).toFixed(1)}M ($${perHead} per inhabitant) · corridors ${(body.corridors.totalM / 1000).toFixed(0)} km`,
    ];
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>` +
      `<text x="20" y="30" font-size="18" font-weight="bold" font-family="sans-serif">Summary of ${body.scope.name}: funding by fiscal year</text>` +
      lines
        .map(
          (line, i) =>
            `<text x="20" y="${54 + i * 20}" font-size="13" font-family="sans-serif">${line}</text>`,
        )
        .join('') +
      `<line x1="76" y1="360" x2="${width - 30}" y2="360" stroke="#333"/>` +
      bars +
      [
        ['#9ecae1', 'committed'],
        ['#4292c6', 'obligated'],
        ['#08519c', 'disbursed'],
      ]
        .map(
          ([color, label], i) =>
            `<rect x="${width - 150}" y="${20 + i * 20}" width="14" height="14" fill="${color}"/><text x="${width - 130}" y="${32 + i * 20}" font-size="13" font-family="sans-serif">${label}</text>`,
        )
        .join('') +
      '</svg>'
    );
  },
  'area-of-interest': (body) => {
    const map = baseMap([-91.6, 14.2, -89.9, 15.3], 800);
    map.add(body.parameters.drawn, {
      fill: '#fdae61',
      opacity: 0.25,
      stroke: '#e66101',
      strokeWidth: 2,
    });
    each(body.communities.features, (f) => {
      map.add(f.geometry, { fill: '#d7301f', opacity: 0.8, radius: 5 });
    });
    each(body.sites, (f) => {
      map.add(f.geometry, { fill: '#2c7fb8', stroke: 'white', radius: 5 });
    });
    return map.svg(
      `Area of interest: ${body.programs.length} programs, ${body.sites.features.length} sites, ${body.incidents.total} incidents, ${(body.corridors.totalM / 1000).toFixed(0)} km of corridors`,
      [
        ['#e66101', 'drawn polygon'],
        ['#2c7fb8', 'program site inside'],
        ['#d7301f', 'community at risk inside'],
      ],
    );
  },
  hotspots: (body) => {
    const map = baseMap([-92.5, 12.8, -83, 18]);
    const top = Math.max(
      ...body.cells.features.map((f: Feature<Geometry, any>) => f.properties.count),
    );
    each(body.cells, (f) => {
      const { change, count } = f.properties;
      const color = change > 0 ? '#d7301f' : change < 0 ? '#2c7fb8' : '#999';
      map.add(f.geometry, {
        fill: color,
        opacity: 0.25 + 0.7 * (Math.max(count, 1) / top),
        stroke: 'white',
        strokeWidth: 0.5,
      });
    });
    return map.svg(
      `Hotspots ${body.period.from} – ${body.period.to} (H3 resolution ${body.parameters.resolution}): ${body.totals.count} incidents, ${body.totals.previousCount} before`,
      [
        ['#d7301f', 'more incidents than the previous period'],
        ['#2c7fb8', 'fewer incidents'],
        ['#999', 'no change'],
      ],
    );
  },
  nearest: (body) => {
    const map = baseMap([-91.3, 14.1, -89.6, 15.1], 800);
    const origin = body.origin.coordinates as number[];
    each(body.results, (f) => {
      const target =
        f.geometry.type === 'Point'
          ? f.geometry.coordinates
          : (f.geometry as any).coordinates[0][0];
      map.add(
        { type: 'LineString', coordinates: [origin, target] },
        { stroke: '#444', dash: '4 3' },
      );
      map.add(f.geometry, { fill: '#2c7fb8', stroke: 'white', radius: 6, opacity: 0.9 });
      map.text(
        target,
        `${f.properties.rank}. ${(f.properties.distanceM / 1000).toFixed(1)} km`,
        12,
      );
    });
    map.add(body.origin, { fill: '#d7301f', stroke: 'white', radius: 7 });
    return map.svg(`Nearest ${body.parameters.k} programs to a point (by their nearest site)`, [
      ['#d7301f', 'the point'],
      ['#2c7fb8', 'nearest site of each program'],
    ]);
  },
};

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'atlas-images-'));
  const database = await openDatabase({ dataDir, seed: 'if-empty' });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ATLAS_DEMO_USERS: 'false' });
  const app = await buildApp({ config, database });
  await app.ready();
  const browser = await chromium.launch({
    executablePath: process.argv[2] ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
  });
  try {
    const { key } = await createApiKey(database.db, {
      name: 'images',
      role: 'analyst',
      countries: null,
      createdBy: null,
    });
    const headers = { authorization: `Bearer ${key}` };
    const corridor = await database.db
      .selectFrom('corridors')
      .select('id')
      .where('name', 'like', 'Pan-American Highway, Guatemala City%')
      .executeTakeFirstOrThrow();
    const drawn = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-91.2, 14.4],
          [-90.2, 14.4],
          [-90.2, 15.1],
          [-91.0, 15.0],
          [-91.2, 14.4],
        ],
      ],
    };
    const requests: Record<string, { url: string; body?: unknown }> = {
      'corridor-coverage': {
        url: `/api/v1/analysis/corridor-coverage?corridor=${corridor.id}&radiusKm=15&status=any`,
      },
      'border-crossings': {
        url: '/api/v1/analysis/border-crossings?mode=land&radiusKm=50&status=any',
      },
      'coverage-gaps': {
        url: '/api/v1/analysis/coverage-gaps?radiusKm=10&minHomicideRate=40&limit=40',
      },
      summary: { url: '/api/v1/analysis/summary?country=GT' },
      'area-of-interest': { url: '/api/v1/analysis/area-of-interest', body: { geometry: drawn } },
      hotspots: { url: '/api/v1/analysis/hotspots?from=2013-01-01&to=2013-12-31&resolution=4' },
      nearest: { url: '/api/v1/analysis/nearest?lon=-90.45&lat=14.6&k=5&of=programs' },
    };
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [name, request] of Object.entries(requests)) {
      const response = await app.inject({
        method: request.body ? 'POST' : 'GET',
        url: request.url,
        headers,
        ...(request.body ? { payload: request.body } : {}),
      });
      if (response.statusCode !== 200)
        throw new Error(`${name}: ${response.statusCode} ${response.body}`);
      const body = response.json<Body>();
      if (name === 'area-of-interest') body.parameters.drawn = drawn;
      const svg = pictures[name]!(body);
      await page.setContent(`<html><body style="margin:0">${svg}</body></html>`);
      const element = await page.$('svg');
      await element!.screenshot({ path: join(OUT, `analysis-${name}.png`) });
      process.stdout.write(`docs/images/analysis-${name}.png  ${request.url}\n`);
    }
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

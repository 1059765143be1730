// The analyst view's round trip through the URL, the filters sent to tiles, the time steps,
// hexagon bins, CSV and funding aggregation: the pure parts of the map and dashboard.
import { describe, expect, it } from 'vitest';
import { fundingBreakdown, type FundedProgram } from '../../src/analyst/dashboard/aggregate';
import { dataPoints, stageBars } from '../../src/analyst/dashboard/charts';
import { hexBins, cellOf } from '../../src/analyst/data/hexbins';
import { labelPoints } from '../../src/analyst/map/label-points';
import { runsDuring, tileQuery, timeRange } from '../../src/analyst/data/filters';
import { toCsv } from '../../src/analyst/export/csv';
import { monthSteps } from '../../src/analyst/panels/time-steps';
import {
  DEFAULT_VIEW,
  parseView,
  serializeView,
  type ViewState,
} from '../../src/analyst/view/view-state';

describe('the view in the URL', () => {
  it('round-trips every part of the view', () => {
    const view: ViewState = {
      layers: ['sites', 'hexbins', 'labels'],
      communityMeasure: 'population',
      threat: 'narcotics',
      filters: {
        country: ['GT', 'HN'],
        line: ['prevention'],
        goal: [2, 4],
        agency: ['USAID'],
        status: ['active'],
        fyFrom: 2012,
        fyTo: 2016,
      },
      time: { unit: 'month', at: '2014-03' },
      position: { lng: -89.5, lat: 14.25, zoom: 6.5 },
    };
    const search = serializeView(view);
    expect(search).toContain('country=GT,HN');
    expect(parseView(search)).toEqual(view);
  });

  it('leaves defaults out and reads an empty query as the default view', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('drops what it does not understand instead of failing', () => {
    const view = parseView(
      '?country=GT,XX,GT&goal=9,1&layers=sites,bogus&at=2014-13&fyFrom=2020&fyTo=2010&map=1,2&threat=gold',
    );
    expect(view.filters.country).toEqual(['GT']);
    expect(view.filters.goal).toEqual([1]);
    expect(view.layers).toEqual(['sites']);
    expect(view.time.at).toBeNull();
    expect([view.filters.fyFrom, view.filters.fyTo]).toEqual([2010, 2020]);
    expect(view.position).toBeNull();
    expect(view.threat).toBeNull();
  });
});

describe('tile filters', () => {
  const filters = {
    ...DEFAULT_VIEW.filters,
    country: ['GT' as const],
    line: ['capacity' as const, 'prevention' as const],
  };

  it('sends single values only, and only the filters a layer understands', () => {
    expect(tileQuery('sites', filters, DEFAULT_VIEW.time)).toEqual({ country: 'GT' });
    expect(tileQuery('corridors', filters, DEFAULT_VIEW.time)).toEqual({ country: 'GT' });
  });

  it('turns the time step into dates for incidents and fiscal years for sites', () => {
    const time = { unit: 'month' as const, at: '2016-02' };
    expect(timeRange(time)).toEqual({ from: '2016-02-01', to: '2016-02-29' });
    expect(tileQuery('incidents', filters, time)).toEqual({
      country: 'GT',
      from: '2016-02-01',
      to: '2016-02-29',
    });
    expect(tileQuery('sites', { ...filters, fyFrom: 2010 }, time)).toMatchObject({
      fyFrom: '2016',
      fyTo: '2016',
    });
    expect(timeRange({ unit: 'fy', at: '2014' })).toEqual({ from: '2013-10-01', to: '2014-09-30' });
  });

  it('keeps a program for its whole period', () => {
    const program = { startDate: '2012-05-01', endDate: '2014-02-28' };
    expect(runsDuring(program, '2013-10-01', '2014-09-30')).toBe(true);
    expect(runsDuring(program, '2014-10-01', '2015-09-30')).toBe(false);
    expect(runsDuring({ ...program, endDate: null }, '2020-01-01', '2020-01-31')).toBe(true);
  });

  it('steps over months across a year end', () => {
    expect(monthSteps('2013-10-01', '2014-02-28')).toEqual([
      '2013-10',
      '2013-11',
      '2013-12',
      '2014-01',
      '2014-02',
    ]);
  });
});

describe('hexagon bins', () => {
  it('counts every point once, in the cell that contains it', () => {
    const points = [
      [-90.5, 14.6],
      [-90.51, 14.61],
      [-87.2, 14.1],
    ];
    const bins = hexBins(points, 0.5);
    expect(bins.features.reduce((sum, f) => sum + f.properties.count, 0)).toBe(3);
    expect(bins.features).toHaveLength(2);
    expect(cellOf([-90.5, 14.6], 0.5)).toEqual(cellOf([-90.51, 14.61], 0.5));
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas and starts with a byte-order mark', () => {
    const csv = toCsv(
      ['Name', 'Amount'],
      [
        ['Panamá, "Colón"', 5],
        ['=SUM(A1)', null],
      ],
    );
    expect(csv).toBe('\uFEFFName,Amount\r\n"Panamá, ""Colón""",5\r\n\'=SUM(A1),\r\n');
  });
});

describe('funding breakdown', () => {
  const program: FundedProgram = {
    countries: ['HN', 'GT'],
    goals: [1, 2],
    line: 'prevention',
    funding: [
      { fiscalYear: 2014, account: 'ESF', stage: 'committed', amountUsd: 1001 },
      { fiscalYear: 2014, account: 'ESF', stage: 'disbursed', amountUsd: 500 },
      { fiscalYear: 2016, account: 'INCLE', stage: 'committed', amountUsd: 300 },
    ],
  };
  const everything = { countries: [], fyFrom: null, fyTo: null };

  it('splits a program among its countries to the dollar, by year, account, line and goal', () => {
    const breakdown = fundingBreakdown([program], everything);
    expect(breakdown.total).toEqual({ committed: 1301, obligated: 0, disbursed: 500 });
    const byCountry = Object.fromEntries(breakdown.byCountry.map((e) => [e.country, e.totals]));
    expect(byCountry.GT!.committed + byCountry.HN!.committed).toBe(1301);
    expect(Math.abs(byCountry.GT!.committed - byCountry.HN!.committed)).toBeLessThanOrEqual(1);
    expect(breakdown.byGoal.map((e) => [e.goal, e.totals.committed])).toEqual([
      [1, 1301],
      [2, 1301],
    ]);
    expect(breakdown.byYear.map((e) => [e.fiscalYear, e.totals.committed])).toEqual([
      [2014, 1001],
      [2016, 300],
    ]);
    expect(breakdown.byAccount.map((e) => e.account)).toEqual(['INCLE', 'ESF']);
    expect(breakdown.byLine).toEqual([
      { line: 'prevention', totals: { committed: 1301, obligated: 0, disbursed: 500 } },
    ]);
  });

  it('counts only the chosen countries’ shares and fiscal years', () => {
    const all = fundingBreakdown([program], everything);
    const guatemala = fundingBreakdown([program], { countries: ['GT'], fyFrom: null, fyTo: null });
    expect(guatemala.byCountry.map((e) => e.country)).toEqual(['GT']);
    expect(guatemala.total).toEqual(all.byCountry.find((e) => e.country === 'GT')!.totals);
    const fy2016 = fundingBreakdown([program], { countries: [], fyFrom: 2015, fyTo: null });
    expect(fy2016.total).toEqual({ committed: 300, obligated: 0, disbursed: 0 });
    expect(fy2016.byYear.map((e) => e.fiscalYear)).toEqual([2016]);
  });

  it('builds bar options whose data the chart reports', () => {
    const empty = stageBars([], { committed: 'C', obligated: 'O', disbursed: 'D' }, 'en');
    expect(dataPoints(empty)).toBe(0);
    const option = stageBars(
      fundingBreakdown([program], everything).byYear.map(({ fiscalYear, totals }) => ({
        name: String(fiscalYear),
        totals,
      })),
      { committed: 'C', obligated: 'O', disbursed: 'D' },
      'en',
    );
    // 2014 committed and disbursed, 2016 committed; zeros are not data points.
    expect(dataPoints(option)).toBe(3);
  });
});

describe('label points', () => {
  it('puts one label inside the largest part of each area', () => {
    // An L-shaped mainland (where the centroid of the box falls outside) and a small island.
    const mainland = [
      [
        [0, 0],
        [10, 0],
        [10, 2],
        [2, 2],
        [2, 10],
        [0, 10],
        [0, 0],
      ],
    ];
    const island = [
      [
        [20, 20],
        [21, 20],
        [21, 21],
        [20, 21],
        [20, 20],
      ],
    ];
    const points = labelPoints({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: 'Panama' },
          geometry: { type: 'MultiPolygon', coordinates: [island, mainland] },
        },
        { type: 'Feature', properties: { name: 'Nowhere' }, geometry: null },
      ],
    });
    expect(points.features).toHaveLength(1);
    const [x, y] = points.features[0]!.geometry.coordinates as [number, number];
    expect(points.features[0]!.properties).toEqual({ name: 'Panama' });
    // Inside the L: in its horizontal or its vertical arm.
    expect((x <= 10 && y <= 2) || (x <= 2 && y <= 10)).toBe(true);
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  carsiCountryCodes,
  checkFundingRows,
  validateCommunityInput,
  validateCorridorInput,
  validateIncidentInput,
  validateProgramInput,
  validateSiteInput,
} from '@atlas/domain';
import { loadSampleData } from '../src';
import { hasAtMostDecimals, locator, positionsToCheck } from './helpers';

const sample = loadSampleData();
const sites = sample.programs.flatMap((program) =>
  program.sites.map((site) => ({ program, site })),
);

describe('sample data: counts and manifest', () => {
  it('meets the minimum counts at scale 1', () => {
    expect(sample.programs.length).toBeGreaterThanOrEqual(60);
    expect(sites.length).toBeGreaterThanOrEqual(200);
    expect(sample.corridors.length).toBeGreaterThanOrEqual(12);
    expect(sample.communities.length).toBeGreaterThanOrEqual(150);
    expect(sample.incidents.length).toBeGreaterThanOrEqual(5000);
  });

  it('has a manifest that matches the files and says the data is illustrative', () => {
    expect(sample.manifest.scale).toBe(1);
    expect(sample.manifest.counts).toEqual({
      programs: sample.programs.length,
      sites: sites.length,
      corridors: sample.corridors.length,
      communities: sample.communities.length,
      incidents: sample.incidents.length,
    });
    expect(sample.manifest.note).toMatch(/illustrative/i);
  });

  it('marks every record illustrative, with a source, and unique ids', () => {
    const records = [
      ...sample.programs,
      ...sites.map(({ site }) => site),
      ...sample.corridors,
      ...sample.communities,
      ...sample.incidents,
    ];
    for (const record of records) expect(record.illustrative).toBe(true);
    for (const record of [...sample.programs, ...sample.corridors, ...sample.communities]) {
      expect(record.source).toMatch(/^Illustrative/);
    }
    for (const incident of sample.incidents) expect(incident.source).toMatch(/^Illustrative/);
    const ids = records.map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('sample data: every record passes the domain schemas and rules', () => {
  it('programs and their sites', () => {
    for (const { sites: programSites, ...program } of sample.programs) {
      const result = validateProgramInput(program);
      expect(result.ok ? [] : result.errors, program.code).toEqual([]);
      for (const site of programSites) {
        const siteResult = validateSiteInput({ ...site, programId: program.id });
        expect(siteResult.ok ? [] : siteResult.errors, site.name).toEqual([]);
      }
    }
  });

  it('corridors, communities and incidents', () => {
    for (const corridor of sample.corridors) {
      const result = validateCorridorInput(corridor);
      expect(result.ok ? [] : result.errors, corridor.name).toEqual([]);
    }
    for (const community of sample.communities) {
      const result = validateCommunityInput(community);
      expect(result.ok ? [] : result.errors, community.name).toEqual([]);
    }
    for (const incident of sample.incidents) {
      const result = validateIncidentInput(incident);
      expect(result.ok ? [] : result.errors, incident.id).toEqual([]);
    }
  });
});

describe('sample data: programs and funding', () => {
  it('covers all seven countries, three lines, five goals and FY2008–FY2013', () => {
    const countries = new Set(sample.programs.flatMap((p) => p.countries));
    expect([...countries].sort()).toEqual([...carsiCountryCodes].sort());
    expect(new Set(sample.programs.map((p) => p.line))).toEqual(
      new Set(['enforcement', 'capacity', 'prevention']),
    );
    expect(new Set(sample.programs.flatMap((p) => p.goals))).toEqual(new Set([1, 2, 3, 4, 5]));
    const years = new Set(sample.programs.flatMap((p) => p.funding.map((row) => row.fiscalYear)));
    expect([...years].sort()).toEqual([2008, 2009, 2010, 2011, 2012, 2013]);
  });

  it('commits about $165M in whole dollars, INCLE largest, then ESF, FMF, NADR', () => {
    const committed: Record<string, number> = {};
    for (const row of sample.programs.flatMap((p) => p.funding)) {
      expect(Number.isInteger(row.amountUsd)).toBe(true);
      if (row.stage === 'committed') {
        committed[row.account] = (committed[row.account] ?? 0) + row.amountUsd;
      }
    }
    const total = Object.values(committed).reduce((sum, amount) => sum + amount, 0);
    expect(Math.abs(total - 165_000_000) / 165_000_000).toBeLessThan(0.03);
    expect(committed.INCLE).toBeGreaterThan(committed.ESF!);
    expect(committed.ESF).toBeGreaterThan(committed.FMF!);
    expect(committed.FMF).toBeGreaterThan(committed.NADR!);
  });

  it('never obligates more than committed nor disburses more than obligated', () => {
    for (const program of sample.programs) {
      expect(checkFundingRows(program.funding), program.code).toEqual([]);
      const amount = (fy: number, account: string, stage: string) =>
        program.funding.find(
          (r) => r.fiscalYear === fy && r.account === account && r.stage === stage,
        )?.amountUsd;
      for (const row of program.funding.filter((r) => r.stage === 'committed')) {
        const obligated = amount(row.fiscalYear, row.account, 'obligated');
        const disbursed = amount(row.fiscalYear, row.account, 'disbursed');
        expect(obligated).toBeDefined();
        expect(disbursed).toBeDefined();
        expect(obligated!).toBeLessThanOrEqual(row.amountUsd);
        expect(disbursed!).toBeLessThanOrEqual(obligated!);
      }
    }
  });
});

describe('sample data: sites', () => {
  it('lie inside their program’s countries', () => {
    for (const { program, site } of sites) {
      for (const position of positionsToCheck(site.geometry)) {
        const country = locator.locate(position)?.country;
        expect(program.countries, `${program.code} ${site.name}`).toContain(country);
      }
    }
  });

  it('have a precision that fits the geometry, and some polygons', () => {
    const polygons = sites.filter(({ site }) => site.geometry.type !== 'Point');
    expect(polygons.length).toBeGreaterThanOrEqual(10);
    for (const { site } of polygons) expect(site.precision).toBe(1);
    const precisions = new Set(sites.map(({ site }) => site.precision));
    for (const precision of [1, 2, 4]) expect(precisions).toContain(precision);
    for (const { site } of sites) {
      for (const [lon, lat] of positionsToCheck(site.geometry)) {
        expect(hasAtMostDecimals(lon!, 5) && hasAtMostDecimals(lat!, 5)).toBe(true);
      }
    }
  });
});

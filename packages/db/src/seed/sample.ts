// Inserts the illustrative sample data set in batches (thousands of incidents).
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../schema';
import { geomFromGeoJSON } from '../sql/geometry';
import { batches } from './boundaries';
import type { SampleData } from './types';

// ~15 parameters per row keeps a batch far below PostgreSQL's 65,535-parameter limit.
const BATCH = 1000;

export interface SampleCounts {
  programs: number;
  programFunding: number;
  programIndicators: number;
  sites: number;
  corridors: number;
  communities: number;
  incidents: number;
}

async function insertPrograms(trx: Transaction<Database>, data: SampleData) {
  const programs = data.programs.map((program) => ({ ...program, id: program.id ?? randomUUID() }));
  for (const batch of batches(programs, BATCH)) {
    await trx
      .insertInto('programs')
      .values(
        batch.map((p) => ({
          id: p.id,
          code: p.code,
          title: p.title,
          titleEs: p.titleEs,
          summary: p.summary,
          summaryEs: p.summaryEs,
          line: p.line,
          goals: p.goals,
          countries: p.countries,
          agency: p.agency,
          partners: p.partners,
          status: p.status,
          startDate: p.startDate,
          endDate: p.endDate ?? null,
          source: p.source ?? null,
          illustrative: p.illustrative ?? true,
        })),
      )
      .execute();
  }
  const funding = programs.flatMap((p) => p.funding.map((row) => ({ ...row, programId: p.id })));
  for (const batch of batches(funding, BATCH)) {
    await trx.insertInto('programFunding').values(batch).execute();
  }
  const indicators = programs.flatMap((p) =>
    p.indicators.map((row, position) => ({ ...row, position, programId: p.id })),
  );
  for (const batch of batches(indicators, BATCH)) {
    await trx.insertInto('programIndicators').values(batch).execute();
  }
  const sites = programs.flatMap((p) => p.sites.map((site) => ({ ...site, programId: p.id })));
  for (const batch of batches(sites, BATCH)) {
    // country and department are filled in by the sites_locate trigger (spatial join).
    await trx
      .insertInto('sites')
      .values(
        batch.map((s) => ({
          ...(s.id ? { id: s.id } : {}),
          programId: s.programId,
          name: s.name,
          precision: s.precision,
          geom: geomFromGeoJSON(s.geometry),
          description: s.description ?? null,
          illustrative: s.illustrative ?? true,
        })),
      )
      .execute();
  }
  return {
    programs: programs.length,
    programFunding: funding.length,
    programIndicators: indicators.length,
    sites: sites.length,
  };
}

async function insertContext(trx: Transaction<Database>, data: SampleData) {
  for (const batch of batches(data.corridors, BATCH)) {
    await trx
      .insertInto('corridors')
      .values(
        batch.map((c) => ({
          ...(c.id ? { id: c.id } : {}),
          name: c.name,
          mode: c.mode,
          threats: c.threats,
          confidence: c.confidence,
          source: c.source,
          validFrom: c.validFrom,
          validTo: c.validTo ?? null,
          geom: geomFromGeoJSON(c.geometry),
          description: c.description ?? null,
          illustrative: c.illustrative ?? true,
        })),
      )
      .execute();
  }
  for (const batch of batches(data.communities, BATCH)) {
    await trx
      .insertInto('communities')
      .values(
        batch.map((c) => ({
          ...(c.id ? { id: c.id } : {}),
          name: c.name,
          country: c.country,
          department: c.department ?? null,
          geom: geomFromGeoJSON(c.geometry),
          population: c.population,
          homicideRate: c.homicideRate,
          year: c.year,
          source: c.source,
          illustrative: c.illustrative ?? true,
        })),
      )
      .execute();
  }
  for (const batch of batches(data.incidents, BATCH)) {
    await trx
      .insertInto('incidents')
      .values(
        batch.map((i) => ({
          ...(i.id ? { id: i.id } : {}),
          kind: i.kind,
          occurredOn: i.occurredOn,
          geom: geomFromGeoJSON(i.geometry),
          country: i.country,
          threat: i.threat ?? null,
          quantity: i.quantity ?? null,
          unit: i.unit ?? null,
          description: i.description ?? null,
          source: i.source,
          illustrative: i.illustrative ?? true,
        })),
      )
      .execute();
  }
  return {
    corridors: data.corridors.length,
    communities: data.communities.length,
    incidents: data.incidents.length,
  };
}

export async function insertSample(
  trx: Transaction<Database>,
  data: SampleData,
): Promise<SampleCounts> {
  return { ...(await insertPrograms(trx, data)), ...(await insertContext(trx, data)) };
}

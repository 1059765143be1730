// A valid create body for each record collection: the base that the fuzz and injection tests
// mutate one field at a time, so that a rejection is the mutation's doing.
import { POINT_IN, programInput, siteInput } from '../../support/records';

export type Body = Record<string, unknown>;

export function validInputs(programId: string): Record<string, Body> {
  return {
    programs: { ...programInput() },
    sites: { ...siteInput(programId) },
    corridors: {
      name: 'Pacific coastal route',
      mode: 'maritime',
      threats: ['narcotics'],
      confidence: 'medium',
      source: 'Fuzz test',
      validFrom: '2020-01-01',
      validTo: null,
      geometry: {
        type: 'LineString',
        coordinates: [
          [-91.5, 13.9],
          [-90.5, 13.6],
        ],
      },
      description: null,
      illustrative: true,
    },
    communities: {
      name: 'Barrio de prueba',
      country: 'GT',
      department: 'GT-GU',
      geometry: POINT_IN.GT,
      population: 12000,
      homicideRate: 45.5,
      year: 2022,
      source: 'Fuzz test',
      illustrative: true,
    },
    incidents: {
      kind: 'seizure',
      occurredOn: '2022-03-04',
      geometry: POINT_IN.HN,
      country: 'HN',
      threat: 'narcotics',
      quantity: 120,
      unit: 'kg',
      description: null,
      source: 'Fuzz test',
      illustrative: true,
    },
  };
}

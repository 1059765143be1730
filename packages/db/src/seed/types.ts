// The seed's input: records in the same create-input shapes the API accepts (@atlas/domain),
// with a program's sites nested in it as in @atlas/geodata's sample files.
import type {
  CommunityInput,
  CorridorInput,
  IncidentInput,
  ProgramInput,
  SiteInput,
} from '@atlas/domain';
import type { Boundaries } from '@atlas/geodata';

export type BoundaryData = Boundaries;
export type SampleSite = Omit<SiteInput, 'programId'>;
export type SampleProgram = ProgramInput & { sites: SampleSite[] };
export type SampleCorridor = CorridorInput;
export type SampleCommunity = CommunityInput;
export type SampleIncident = IncidentInput;

export interface SampleData {
  programs: SampleProgram[];
  corridors: SampleCorridor[];
  communities: SampleCommunity[];
  incidents: SampleIncident[];
  manifest?: object;
}

export interface SeedData {
  boundaries: BoundaryData;
  sample: SampleData;
}

// The seed's input, in the shapes of docs/data-model.md ("Sample data files").
import type { FeatureCollection, Geometry, LineString, MultiLineString, Point } from 'geojson';
import type {
  Agency,
  ConfidenceLevel,
  CorridorMode,
  CountryCode,
  FundingAccount,
  FundingStage,
  Goal,
  IncidentKind,
  ProgramLine,
  ProgramStatus,
  Threat,
} from '../codes';

export interface BoundaryData {
  countries: FeatureCollection<Geometry, { code: string; name: string; nameEs: string }>;
  departments: FeatureCollection<
    Geometry,
    { code: string; country: string; name: string; nameEs: string }
  >;
}

export interface SampleSite {
  id?: string;
  name: string;
  precision: number;
  geometry: Geometry;
  description?: string | null;
  illustrative?: boolean;
}

export interface SampleProgram {
  id?: string;
  code: string;
  title: string;
  titleEs: string;
  summary: string;
  summaryEs: string;
  line: ProgramLine;
  goals: Goal[];
  countries: CountryCode[];
  agency: Agency;
  partners: string[];
  status: ProgramStatus;
  startDate: string;
  endDate?: string | null;
  funding: {
    fiscalYear: number;
    account: FundingAccount;
    stage: FundingStage;
    amountUsd: number;
  }[];
  indicators: {
    code: string;
    name: string;
    unit: string;
    baseline: number;
    target: number;
    actual: number | null;
  }[];
  source?: string | null;
  illustrative?: boolean;
  sites: SampleSite[];
}

export interface SampleCorridor {
  id?: string;
  name: string;
  mode: CorridorMode;
  threats: Threat[];
  confidence: ConfidenceLevel;
  source: string;
  validFrom: string;
  validTo?: string | null;
  geometry: LineString | MultiLineString;
  description?: string | null;
  illustrative?: boolean;
}

export interface SampleCommunity {
  id?: string;
  name: string;
  country: CountryCode;
  department?: string | null;
  geometry: Geometry;
  population: number;
  homicideRate: number;
  year: number;
  source: string;
  illustrative?: boolean;
}

export interface SampleIncident {
  id?: string;
  kind: IncidentKind;
  occurredOn: string;
  geometry: Point;
  country: CountryCode;
  department?: string | null;
  threat?: Threat | null;
  quantity?: number | null;
  unit?: string | null;
  description?: string | null;
  source: string;
  illustrative?: boolean;
}

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

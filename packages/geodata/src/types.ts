import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type {
  Community,
  CountryBoundary,
  Corridor,
  DepartmentBoundary,
  Incident,
  Program,
  Site,
} from '@atlas/domain';

/** Fields the database adds to every editable record; sample files leave them out. */
type RecordMetaKeys = 'version' | 'createdAt' | 'updatedAt' | 'deletedAt';

export type CountryProperties = Omit<CountryBoundary, 'geometry'>;
export type DepartmentProperties = Omit<DepartmentBoundary, 'geometry'>;
export type BoundaryGeometry = Polygon | MultiPolygon;
export type CountryFeature = Feature<BoundaryGeometry, CountryProperties>;
export type DepartmentFeature = Feature<BoundaryGeometry, DepartmentProperties>;
export type CountryCollection = FeatureCollection<BoundaryGeometry, CountryProperties>;
export type DepartmentCollection = FeatureCollection<BoundaryGeometry, DepartmentProperties>;

export interface Boundaries {
  countries: CountryCollection;
  departments: DepartmentCollection;
}

/** A site as nested in `programs.json` (country and department are derived when stored). */
export type SampleSite = Omit<Site, RecordMetaKeys | 'programId' | 'country' | 'department'>;
export type SampleProgram = Omit<Program, RecordMetaKeys> & { sites: SampleSite[] };
export type SampleCorridor = Omit<Corridor, RecordMetaKeys>;
export type SampleCommunity = Omit<Community, RecordMetaKeys>;
export type SampleIncident = Omit<Incident, RecordMetaKeys>;

export interface SampleCounts {
  programs: number;
  sites: number;
  corridors: number;
  communities: number;
  incidents: number;
}

export interface SampleManifest {
  generator: string;
  seed: string;
  scale: number;
  counts: SampleCounts;
  note: string;
}

export interface SampleData {
  programs: SampleProgram[];
  corridors: SampleCorridor[];
  communities: SampleCommunity[];
  incidents: SampleIncident[];
  manifest: SampleManifest;
}

// Calls to the analysis API (docs/analysis.md), and their results turned into map features
// tagged with a `role` for the result layer.
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { apiJson } from '../../api/client';
import { toSearch, type Query } from '../data/filters';

export type AnalysisName =
  | 'corridor-coverage'
  | 'border-crossings'
  | 'coverage-gaps'
  | 'summary'
  | 'area-of-interest'
  | 'hotspots'
  | 'nearest';

export const ANALYSES: AnalysisName[] = [
  'corridor-coverage',
  'border-crossings',
  'coverage-gaps',
  'summary',
  'area-of-interest',
  'hotspots',
  'nearest',
];

type Collection = FeatureCollection<Geometry, Record<string, unknown>>;
export type AnalysisResult = Record<string, unknown> & { analysis: AnalysisName };

export async function runAnalysis(
  name: AnalysisName,
  query: Query,
  polygon?: Polygon,
): Promise<AnalysisResult> {
  const path = `/analysis/${name}${toSearch(query)}`;
  const { data } = polygon
    ? await apiJson<AnalysisResult>(path, { method: 'POST', json: { geometry: polygon } })
    : await apiJson<AnalysisResult>(path);
  return data;
}

function tagged(
  collection: unknown,
  role: (f: Feature<Geometry, Record<string, unknown>>) => string,
): Feature[] {
  const features = (collection as Collection | undefined)?.features ?? [];
  return features.map((feature) => ({
    ...feature,
    properties: { ...feature.properties, role: role(feature) },
  }));
}

/** The features an analysis result draws on the map. */
export function resultFeatures(result: AnalysisResult): FeatureCollection {
  const features: Feature[] = [];
  switch (result.analysis) {
    case 'corridor-coverage':
      features.push(...tagged(result.covered, () => 'covered'));
      features.push(...tagged(result.uncovered, () => 'uncovered'));
      features.push(...tagged(result.sites, () => 'site'));
      break;
    case 'border-crossings':
      features.push(
        ...tagged(result.crossings, (f) => (f.properties.guarded ? 'guarded' : 'unguarded')),
      );
      break;
    case 'coverage-gaps':
      features.push(...tagged(result.gaps, () => 'gap'));
      break;
    case 'area-of-interest':
      features.push(...tagged(result.sites, () => 'site'));
      features.push(
        ...tagged(
          (result.communities as { features?: unknown } | undefined)?.features,
          () => 'gap',
        ),
      );
      break;
    case 'hotspots':
      features.push(...tagged(result.cells, () => 'cell'));
      break;
    case 'nearest':
      features.push(...tagged(result.results, () => 'site'));
      break;
    case 'summary':
      break;
  }
  return { type: 'FeatureCollection', features };
}

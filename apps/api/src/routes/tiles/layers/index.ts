// Each layer's tile features: `(geom geometry(3857), props jsonb)` rows for one tile, from the
// layer's candidate rows through clustering (points) or clipping and simplification.
import type { RawBuilder } from 'kysely';
import { LAYERS, type LayerName } from '../catalog';
import type { TileFilters } from '../filters';
import type { TileKey } from '../tile-grid';
import {
  communityCandidates,
  corridorCandidates,
  countryCandidates,
  departmentCandidates,
  incidentCandidates,
} from './context-layers';
import { clusteredFeatures, drawable, plainFeatures } from './geometry-sql';
import { programCandidates, siteCandidates } from './program-layers';

type Candidates = (key: TileKey, filters: TileFilters) => RawBuilder<unknown>;

const CANDIDATES: Record<LayerName, Candidates> = {
  sites: siteCandidates,
  programs: programCandidates,
  corridors: corridorCandidates,
  communities: communityCandidates,
  incidents: incidentCandidates,
  countries: countryCandidates,
  departments: departmentCandidates,
};

/** The SELECT of one layer's features in one tile (bound parameters only). */
export function layerFeatures(
  layer: LayerName,
  key: TileKey,
  filters: TileFilters,
): RawBuilder<unknown> {
  const candidates = CANDIDATES[layer](key, filters);
  const features = LAYERS[layer].clustered
    ? clusteredFeatures(key, candidates)
    : plainFeatures(key, candidates);
  return drawable(features);
}

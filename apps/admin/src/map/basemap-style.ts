// The look of the map, in MapLibre style-spec terms. The basemap is drawn from the boundary
// files only: a sea-coloured background, country fills, department lines and country borders.
// There are no `glyphs` and no `sprite`, so nothing is fetched from a font or icon server (and
// no symbol/text layers can be used until a bundled font is added).
import { carsiCountryCodes, type ProgramLine } from '@atlas/domain';
import type {
  BackgroundLayerSpecification,
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

export const BASEMAP_COLORS = {
  sea: '#c9dcea',
  carsiLand: '#f6f1e3',
  contextLand: '#e3e3de',
  departmentLine: '#c8bfa8',
  countryBorder: '#7d7668',
  siteStroke: '#ffffff',
} as const;

/** One colour per program line, shared by the map layers and the legend. */
export const PROGRAM_LINE_COLORS: Record<ProgramLine, string> = {
  enforcement: '#c2410c',
  capacity: '#1d4ed8',
  prevention: '#15803d',
};

const UNKNOWN_LINE_COLOR = '#6b7280';

export const SOURCE_IDS = {
  countries: 'countries',
  departments: 'departments',
  sites: 'sites',
} as const;

export const LAYER_IDS = {
  sea: 'sea',
  countryFill: 'country-fill',
  departmentLine: 'department-line',
  countryBorder: 'country-border',
  siteArea: 'site-area',
  siteOutline: 'site-outline',
  sitePoint: 'site-point',
} as const;

/**
 * Empty, hidden layers that fix the drawing order. Components add their layers *before* one of
 * these slots (`beforeId`), so the stacking never depends on which component mounted first.
 */
export const SLOT_IDS = {
  departments: 'slot-departments',
  borders: 'slot-borders',
  data: 'slot-data',
} as const;

function slot(id: string): BackgroundLayerSpecification {
  return { id, type: 'background', layout: { visibility: 'none' } };
}

/** The style the map starts with: the sea and the slots. Boundaries and data are components. */
export const basemapStyle: StyleSpecification = {
  version: 8,
  name: 'CARSI Atlas basemap',
  sources: {},
  layers: [
    { id: LAYER_IDS.sea, type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
    slot(SLOT_IDS.departments),
    slot(SLOT_IDS.borders),
    slot(SLOT_IDS.data),
  ],
};

type WithoutSource<T> = Omit<T, 'source'>;

const isCarsiMember: ExpressionSpecification = [
  'in',
  ['get', 'code'],
  ['literal', [...carsiCountryCodes]],
];

export const countryFillLayer: WithoutSource<FillLayerSpecification> = {
  id: LAYER_IDS.countryFill,
  type: 'fill',
  paint: {
    'fill-color': ['case', isCarsiMember, BASEMAP_COLORS.carsiLand, BASEMAP_COLORS.contextLand],
  },
};

export const departmentLineLayer: WithoutSource<LineLayerSpecification> = {
  id: LAYER_IDS.departmentLine,
  type: 'line',
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': BASEMAP_COLORS.departmentLine,
    'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 1.2],
  },
};

export const countryBorderLayer: WithoutSource<LineLayerSpecification> = {
  id: LAYER_IDS.countryBorder,
  type: 'line',
  layout: { 'line-join': 'round' },
  paint: {
    'line-color': BASEMAP_COLORS.countryBorder,
    'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.8, 8, 2],
  },
};

const lineColor: ExpressionSpecification = [
  'match',
  ['get', 'line'],
  ...Object.entries(PROGRAM_LINE_COLORS).flat(),
  UNKNOWN_LINE_COLOR,
] as unknown as ExpressionSpecification;

const isPolygon: ExpressionSpecification = [
  'in',
  ['geometry-type'],
  ['literal', ['Polygon', 'MultiPolygon']],
];

/** Sites mapped as areas (polygons) are drawn as translucent fills with an outline. */
export const siteAreaLayer: WithoutSource<FillLayerSpecification> = {
  id: LAYER_IDS.siteArea,
  type: 'fill',
  filter: isPolygon,
  paint: { 'fill-color': lineColor, 'fill-opacity': 0.25 },
};

export const siteOutlineLayer: WithoutSource<LineLayerSpecification> = {
  id: LAYER_IDS.siteOutline,
  type: 'line',
  filter: isPolygon,
  paint: { 'line-color': lineColor, 'line-width': 1.5 },
};

/** Sites mapped as points are circles coloured by program line. */
export const sitePointLayer: WithoutSource<CircleLayerSpecification> = {
  id: LAYER_IDS.sitePoint,
  type: 'circle',
  filter: ['==', ['geometry-type'], 'Point'],
  paint: {
    'circle-color': lineColor,
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 4, 8, 7],
    'circle-stroke-color': BASEMAP_COLORS.siteStroke,
    'circle-stroke-width': 1.2,
    'circle-opacity': 0.9,
  },
};

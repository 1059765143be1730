// The tilesets: one per map layer, and any comma-separated list of them as a composite tileset.
// Each layer says who may read it, which data versions its tiles depend on, which filters it
// understands and the attributes its features carry (published in TileJSON `vector_layers`).
import type { DataLayer } from '@atlas/db';
import type { Access } from '../../auth/policy';
import { HttpError } from '../../registry';

export const LAYER_NAMES = [
  'sites',
  'programs',
  'corridors',
  'communities',
  'incidents',
  'countries',
  'departments',
] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** Query parameters a tile URL may carry (the registry's list filters of the same names). */
export const FILTER_NAMES = [
  'country',
  'line',
  'goal',
  'status',
  'agency',
  'fyFrom',
  'fyTo',
  'from',
  'to',
  'mode',
  'kind',
] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

const PROGRAM_FILTERS = ['country', 'line', 'goal', 'status', 'agency', 'fyFrom', 'fyTo'] as const;

/** Attributes of clustered points (see docs/tiles.md, "Low zooms"). */
export const CLUSTER_FIELDS = {
  cluster: 'Boolean: true on a point that stands for several features',
  count: 'Number: how many features the cluster point stands for',
} as const;

export interface LayerDefinition {
  name: LayerName;
  title: string;
  description: string;
  /** `public`, or `read` (a signed-in user or an API key), as for the registry's lists. */
  access: Extract<Access, 'public' | 'read'>;
  /** The data versions a tile of this layer depends on (its ETag changes with any of them). */
  dataLayers: readonly DataLayer[];
  filters: readonly FilterName[];
  /** Feature attributes: name → "Type: meaning" (TileJSON `vector_layers[].fields`). */
  fields: Readonly<Record<string, string>>;
  /** Points are clustered below CLUSTER_MAX_ZOOM (and then carry CLUSTER_FIELDS). */
  clustered: boolean;
}

export const LAYERS: Readonly<Record<LayerName, LayerDefinition>> = {
  sites: {
    name: 'sites',
    title: 'Program sites',
    description: 'Where programs work: points and areas, with their program line and status',
    access: 'public',
    dataLayers: ['sites', 'programs'],
    filters: PROGRAM_FILTERS,
    fields: {
      id: 'String: site id (uuid)',
      programId: 'String: program id (uuid)',
      programCode: 'String: program code',
      name: 'String: site name',
      line: 'String: program line (enforcement, capacity, prevention)',
      status: "String: the program's status",
      precision: 'Number: IATI geographic precision (1-9)',
      country: 'String: country code (absent outside the boundaries)',
    },
    clustered: true,
  },
  programs: {
    name: 'programs',
    title: 'Programs',
    description: "One feature per program: the points of all of the program's sites",
    access: 'public',
    dataLayers: ['programs', 'sites'],
    filters: PROGRAM_FILTERS,
    fields: {
      id: 'String: program id (uuid)',
      code: 'String: program code',
      title: 'String: program title',
      line: 'String: program line',
      status: 'String: program status',
      agency: 'String: implementing agency',
      sites: 'Number: how many sites the program has',
    },
    clustered: false,
  },
  corridors: {
    name: 'corridors',
    title: 'Trafficking corridors',
    description: 'Land, maritime, air and riverine trafficking routes (lines)',
    access: 'read',
    dataLayers: ['corridors', 'boundaries'],
    filters: ['country', 'mode'],
    fields: {
      id: 'String: corridor id (uuid)',
      name: 'String: corridor name',
      mode: 'String: land, maritime, air or riverine',
      threats: 'String: threat codes, comma-separated',
      confidence: 'String: low, medium or high',
    },
    clustered: false,
  },
  communities: {
    name: 'communities',
    title: 'Communities at risk',
    description: 'Communities at risk with population and homicide rate (points and areas)',
    access: 'read',
    dataLayers: ['communities'],
    filters: ['country'],
    fields: {
      id: 'String: community id (uuid)',
      name: 'String: community name',
      population: 'Number: inhabitants',
      homicideRate: 'Number: homicides per 100,000 inhabitants',
      country: 'String: country code',
    },
    clustered: true,
  },
  incidents: {
    name: 'incidents',
    title: 'Incidents',
    description: 'Dated incidents (seizures, homicides, extortion, arrests, ...) as points',
    access: 'read',
    dataLayers: ['incidents'],
    filters: ['country', 'kind', 'from', 'to'],
    fields: {
      id: 'String: incident id (uuid)',
      kind: 'String: incident kind',
      date: 'String: date of the incident (YYYY-MM-DD)',
      country: 'String: country code',
    },
    clustered: true,
  },
  countries: {
    name: 'countries',
    title: 'Countries',
    description: 'Country outlines',
    access: 'public',
    dataLayers: ['boundaries'],
    filters: ['country'],
    fields: { code: 'String: ISO 3166-1 alpha-2 code', name: 'String: English name' },
    clustered: false,
  },
  departments: {
    name: 'departments',
    title: 'Departments',
    description: 'First-level divisions (departments, states, districts, provinces)',
    access: 'public',
    dataLayers: ['boundaries'],
    filters: ['country'],
    fields: { code: 'String: ISO 3166-2 code', name: 'String: English name' },
    clustered: false,
  },
};

function isLayerName(name: string): name is LayerName {
  return (LAYER_NAMES as readonly string[]).includes(name);
}

/** A tileset: one layer, or several in the order given. */
export interface Tileset {
  /** As written in the URL, e.g. `sites,corridors`. */
  id: string;
  layers: readonly LayerDefinition[];
  /** The strictest access of its layers. */
  access: LayerDefinition['access'];
  dataLayers: readonly DataLayer[];
  /** Filters understood by at least one of its layers. */
  filters: ReadonlySet<FilterName>;
}

/** Reads a tileset id; 404 names an unknown layer, 400 a repeated or empty one. */
export function parseTileset(id: string): Tileset {
  const names = id.split(',');
  const unknown = names.filter((name) => !isLayerName(name));
  if (unknown.length > 0) {
    const shown = unknown.map((name) => `'${name.slice(0, 40)}'`).join(', ');
    throw new HttpError(404, `no such tileset layer ${shown}; layers: ${LAYER_NAMES.join(', ')}`);
  }
  const layers = (names as LayerName[]).map((name) => LAYERS[name]);
  if (new Set(names).size !== names.length) {
    throw new HttpError(400, `tileset '${id}' names a layer twice`);
  }
  const dataLayers = [...new Set(layers.flatMap((layer) => layer.dataLayers))].sort();
  return {
    id,
    layers,
    access: layers.some((layer) => layer.access === 'read') ? 'read' : 'public',
    dataLayers,
    filters: new Set(layers.flatMap((layer) => layer.filters)),
  };
}

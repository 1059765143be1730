import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

/** IATI GeographicalPrecision code list (how exactly a site's geometry locates the activity). */
export const geoPrecisions = [
  { code: 1, en: 'Exact location', es: 'Ubicación exacta' },
  {
    code: 2,
    en: 'Near an exact location (within 25 km)',
    es: 'Cerca de una ubicación exacta (a menos de 25 km)',
  },
  {
    code: 3,
    en: 'Second-level administrative area',
    es: 'Área administrativa de segundo nivel',
  },
  { code: 4, en: 'First-level administrative area', es: 'Área administrativa de primer nivel' },
  { code: 5, en: 'Estimated coordinates', es: 'Coordenadas estimadas' },
  { code: 6, en: 'Whole country', es: 'Todo el país' },
  { code: 7, en: 'Unclear, capital assumed', es: 'Incierta, se asume la capital' },
  { code: 8, en: 'Local or national capital', es: 'Capital local o nacional' },
  { code: 9, en: 'Unclear, country assumed', es: 'Incierta, se asume el país' },
] as const satisfies readonly CodeEntry<number>[];

export const GeoPrecision = codeUnion(geoPrecisions, { title: 'GeoPrecision' });
export type GeoPrecision = Static<typeof GeoPrecision>;

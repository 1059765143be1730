import {
  confidenceLevels,
  corridorModes,
  countries,
  label,
  threats,
  type Corridor,
} from '@atlas/domain';
import { GeoListPage, type GeoListConfig } from '../shared/GeoListPage';

type CorridorRow = Omit<Corridor, 'geometry' | 'illustrative'>;

const config: GeoListConfig<CorridorRow> = {
  collection: 'corridors',
  path: '/corridors',
  titleKey: 'corridors.title',
  newKey: 'corridors.new',
  defaultSort: 'name',
  filters: [
    { key: 'mode', labelKey: 'fields.mode', type: 'code', list: corridorModes },
    { key: 'threat', labelKey: 'fields.threats', type: 'code', list: threats },
    { key: 'confidence', labelKey: 'fields.confidence', type: 'code', list: confidenceLevels },
    { key: 'country', labelKey: 'fields.country', type: 'code', list: countries },
    { key: 'activeOn', labelKey: 'corridors.activeOn', type: 'date' },
  ],
  columns: (lang, t) => [
    { key: 'name', label: t('fields.name'), sortKey: 'name', render: (row) => row.name },
    {
      key: 'mode',
      label: t('fields.mode'),
      sortKey: 'mode',
      render: (row) => label(corridorModes, row.mode, lang),
    },
    {
      key: 'threats',
      label: t('fields.threats'),
      render: (row) => row.threats.map((code) => label(threats, code, lang)).join(', '),
    },
    {
      key: 'confidence',
      label: t('fields.confidence'),
      sortKey: 'confidence',
      render: (row) => label(confidenceLevels, row.confidence, lang),
    },
    {
      key: 'validFrom',
      label: t('fields.validFrom'),
      sortKey: 'validFrom',
      render: (row) => row.validFrom,
    },
    {
      key: 'validTo',
      label: t('fields.validTo'),
      sortKey: 'validTo',
      render: (row) => row.validTo ?? '—',
    },
  ],
};

/** Trafficking corridors: filters, sort, paging. */
export function CorridorsPage() {
  return <GeoListPage config={config} />;
}

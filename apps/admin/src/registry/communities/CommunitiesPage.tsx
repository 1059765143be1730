import { countries, label, type Community } from '@atlas/domain';
import { GeoListPage, type GeoListConfig } from '../shared/GeoListPage';

type CommunityRow = Omit<Community, 'geometry' | 'illustrative'>;

const config: GeoListConfig<CommunityRow> = {
  collection: 'communities',
  path: '/communities',
  titleKey: 'communities.title',
  newKey: 'communities.new',
  defaultSort: 'name',
  filters: [
    { key: 'country', labelKey: 'fields.country', type: 'code', list: countries },
    { key: 'department', labelKey: 'fields.department', type: 'text' },
    { key: 'year', labelKey: 'fields.year', type: 'number' },
    { key: 'minHomicideRate', labelKey: 'communities.minHomicideRate', type: 'number' },
    { key: 'minPopulation', labelKey: 'communities.minPopulation', type: 'number' },
  ],
  columns: (lang, t) => [
    { key: 'name', label: t('fields.name'), sortKey: 'name', render: (row) => row.name },
    {
      key: 'country',
      label: t('fields.country'),
      sortKey: 'country',
      render: (row) => label(countries, row.country, lang),
    },
    { key: 'department', label: t('fields.department'), render: (row) => row.department ?? '—' },
    {
      key: 'population',
      label: t('fields.population'),
      sortKey: 'population',
      render: (row) => row.population.toLocaleString(lang),
    },
    {
      key: 'homicideRate',
      label: t('fields.homicideRate'),
      sortKey: 'homicideRate',
      render: (row) => row.homicideRate.toLocaleString(lang),
    },
    { key: 'year', label: t('fields.year'), sortKey: 'year', render: (row) => row.year },
  ],
};

/** Communities at risk: filters, sort, paging. */
export function CommunitiesPage() {
  return <GeoListPage config={config} />;
}

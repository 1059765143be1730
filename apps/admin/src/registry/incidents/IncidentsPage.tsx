import { countries, incidentKinds, label, threats, type Incident } from '@atlas/domain';
import { GeoListPage, type GeoListConfig } from '../shared/GeoListPage';

type IncidentRow = Omit<Incident, 'geometry' | 'illustrative'>;

const config: GeoListConfig<IncidentRow> = {
  collection: 'incidents',
  path: '/incidents',
  titleKey: 'incidents.title',
  newKey: 'incidents.new',
  defaultSort: '-occurredOn',
  filters: [
    { key: 'kind', labelKey: 'fields.kind', type: 'code', list: incidentKinds },
    { key: 'country', labelKey: 'fields.country', type: 'code', list: countries },
    { key: 'threat', labelKey: 'fields.threat', type: 'code', list: threats },
    { key: 'from', labelKey: 'incidents.from', type: 'date' },
    { key: 'to', labelKey: 'incidents.to', type: 'date' },
  ],
  columns: (lang, t) => [
    {
      key: 'occurredOn',
      label: t('fields.occurredOn'),
      sortKey: 'occurredOn',
      render: (row) => row.occurredOn,
    },
    {
      key: 'kind',
      label: t('fields.kind'),
      sortKey: 'kind',
      render: (row) => label(incidentKinds, row.kind, lang),
    },
    {
      key: 'country',
      label: t('fields.country'),
      sortKey: 'country',
      render: (row) => label(countries, row.country, lang),
    },
    {
      key: 'threat',
      label: t('fields.threat'),
      render: (row) => (row.threat ? label(threats, row.threat, lang) : '—'),
    },
    {
      key: 'quantity',
      label: t('fields.quantity'),
      sortKey: 'quantity',
      render: (row) =>
        row.quantity === null ? '—' : `${row.quantity.toLocaleString(lang)} ${row.unit ?? ''}`,
    },
    { key: 'source', label: t('fields.source'), render: (row) => row.source },
  ],
};

/** Incidents: filters, sort, paging. */
export function IncidentsPage() {
  return <GeoListPage config={config} />;
}

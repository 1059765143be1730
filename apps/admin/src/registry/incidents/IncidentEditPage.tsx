import { IncidentInput, type Incident } from '@atlas/domain';
import { GeoRecordEditPage, type GeoEditorConfig } from '../shared/GeoRecordEditPage';
import { IncidentFields } from './IncidentFields';
import {
  emptyIncidentForm,
  incidentFormToInput,
  incidentToForm,
  type IncidentForm,
} from './incident-form';

const config: GeoEditorConfig<Incident, IncidentForm> = {
  collection: 'incidents',
  listPath: '/incidents',
  schema: IncidentInput,
  emptyForm: emptyIncidentForm,
  toForm: incidentToForm,
  toInput: incidentFormToInput,
  countriesOf: (incident) => [incident.country],
  kinds: ['point'],
  titleOf: (incident) => `${incident.kind} · ${incident.occurredOn}`,
  newTitleKey: 'incidents.new',
  Fields: IncidentFields,
};

/** One incident: what, when, where (a point on the map), how much, and the source. */
export function IncidentEditPage() {
  return <GeoRecordEditPage config={config} />;
}

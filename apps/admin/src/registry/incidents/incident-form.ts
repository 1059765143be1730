import type { Incident, IncidentInput } from '@atlas/domain';
import type { Geometry } from 'geojson';

export interface IncidentForm {
  kind: string | null;
  occurredOn: string;
  country: string | null;
  threat: string | null;
  quantity: number | '';
  unit: string;
  description: string;
  source: string;
  illustrative: boolean;
  geometry: Geometry | null;
}

export function emptyIncidentForm(): IncidentForm {
  return {
    kind: null,
    occurredOn: '',
    country: null,
    threat: null,
    quantity: '',
    unit: '',
    description: '',
    source: '',
    illustrative: false,
    geometry: null,
  };
}

export function incidentToForm(incident: Incident): IncidentForm {
  return {
    kind: incident.kind,
    occurredOn: incident.occurredOn,
    country: incident.country,
    threat: incident.threat,
    quantity: incident.quantity ?? '',
    unit: incident.unit ?? '',
    description: incident.description ?? '',
    source: incident.source,
    illustrative: incident.illustrative,
    geometry: incident.geometry,
  };
}

export function incidentFormToInput(form: IncidentForm): IncidentInput {
  return {
    kind: form.kind ?? undefined,
    occurredOn: form.occurredOn,
    country: form.country ?? undefined,
    threat: form.threat,
    quantity: form.quantity === '' ? null : form.quantity,
    unit: form.unit === '' ? null : form.unit,
    description: form.description === '' ? null : form.description,
    source: form.source,
    illustrative: form.illustrative,
    geometry: form.geometry ?? undefined,
  } as IncidentInput;
}

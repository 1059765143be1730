import type { Corridor, CorridorGeometry, CorridorInput } from '@atlas/domain';
import type { Geometry } from 'geojson';

export interface CorridorForm {
  name: string;
  mode: string | null;
  threats: string[];
  confidence: string | null;
  source: string;
  validFrom: string;
  validTo: string;
  description: string;
  illustrative: boolean;
  geometry: Geometry | null;
}

export function emptyCorridorForm(): CorridorForm {
  return {
    name: '',
    mode: 'land',
    threats: [],
    confidence: 'medium',
    source: '',
    validFrom: '',
    validTo: '',
    description: '',
    illustrative: false,
    geometry: null,
  };
}

export function corridorToForm(corridor: Corridor): CorridorForm {
  return {
    name: corridor.name,
    mode: corridor.mode,
    threats: [...corridor.threats],
    confidence: corridor.confidence,
    source: corridor.source,
    validFrom: corridor.validFrom,
    validTo: corridor.validTo ?? '',
    description: corridor.description ?? '',
    illustrative: corridor.illustrative,
    geometry: corridor.geometry,
  };
}

export function corridorFormToInput(form: CorridorForm): CorridorInput {
  return {
    name: form.name,
    mode: form.mode ?? undefined,
    threats: form.threats,
    confidence: form.confidence ?? undefined,
    source: form.source,
    validFrom: form.validFrom,
    validTo: form.validTo === '' ? null : form.validTo,
    description: form.description === '' ? null : form.description,
    illustrative: form.illustrative,
    geometry: (form.geometry ?? undefined) as CorridorGeometry | undefined,
  } as CorridorInput;
}

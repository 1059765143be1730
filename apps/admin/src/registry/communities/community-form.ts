import type { Community, CommunityGeometry, CommunityInput } from '@atlas/domain';
import type { Geometry } from 'geojson';

export interface CommunityForm {
  name: string;
  country: string | null;
  department: string;
  population: number | '';
  homicideRate: number | '';
  year: number | '';
  source: string;
  illustrative: boolean;
  geometry: Geometry | null;
}

export function emptyCommunityForm(): CommunityForm {
  return {
    name: '',
    country: null,
    department: '',
    population: '',
    homicideRate: '',
    year: new Date().getFullYear(),
    source: '',
    illustrative: false,
    geometry: null,
  };
}

export function communityToForm(community: Community): CommunityForm {
  return {
    name: community.name,
    country: community.country,
    department: community.department ?? '',
    population: community.population,
    homicideRate: community.homicideRate,
    year: community.year,
    source: community.source,
    illustrative: community.illustrative,
    geometry: community.geometry,
  };
}

const orUndefined = <T>(value: T | '' | null): T | undefined =>
  value === '' || value === null ? undefined : value;

export function communityFormToInput(form: CommunityForm): CommunityInput {
  return {
    name: form.name,
    country: orUndefined(form.country),
    department: form.department === '' ? null : form.department,
    population: orUndefined(form.population),
    homicideRate: orUndefined(form.homicideRate),
    year: orUndefined(form.year),
    source: form.source,
    illustrative: form.illustrative,
    geometry: (form.geometry ?? undefined) as CommunityGeometry | undefined,
  } as CommunityInput;
}

import type { Site, SiteGeometry, SiteInput } from '@atlas/domain';

export type SiteRecord = Site;

export interface SiteForm {
  name: string;
  precision: string | null;
  description: string;
  geometry: SiteGeometry | null;
}

export function emptySiteForm(): SiteForm {
  return { name: '', precision: '1', description: '', geometry: null };
}

export function siteToForm(site: SiteRecord): SiteForm {
  return {
    name: site.name,
    precision: String(site.precision),
    description: site.description ?? '',
    geometry: site.geometry,
  };
}

/** The form as a SiteInput of the program (blank required fields left out, so they are named). */
export function siteFormToInput(form: SiteForm, programId: string): SiteInput {
  return {
    programId,
    name: form.name,
    precision: form.precision === null ? undefined : Number(form.precision),
    description: form.description === '' ? null : form.description,
    geometry: form.geometry ?? undefined,
  } as SiteInput;
}

export function siteRecordToInput(site: SiteRecord): object {
  return siteFormToInput(siteToForm(site), site.programId);
}

/** Six decimals: about 10 cm, more than any site needs. */
export function roundPosition(lng: number, lat: number): [number, number] {
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

import type { CountryCode, ProgramLine } from '@atlas/domain';

/** Public institutions of each country that such programs typically work with. */
export const nationalPartners: Readonly<Record<string, readonly string[]>> = {
  BZ: ['Belize Police Department', 'Belize Defence Force', 'Ministry of National Security'],
  GT: ['Policía Nacional Civil', 'Ministerio Público', 'Ministerio de Gobernación'],
  SV: [
    'Policía Nacional Civil',
    'Fiscalía General de la República',
    'Ministerio de Justicia y Seguridad Pública',
  ],
  HN: ['Policía Nacional', 'Ministerio Público', 'Secretaría de Seguridad'],
  NI: ['Policía Nacional', 'Ministerio Público', 'Fuerza Naval'],
  CR: [
    'Fuerza Pública',
    'Organismo de Investigación Judicial',
    'Servicio Nacional de Guardacostas',
  ],
  PA: ['Policía Nacional', 'Servicio Nacional Aeronaval', 'Ministerio Público'],
};

/** Non-governmental partners by program line (generic on purpose: the sample is invented). */
export const linePartners: Readonly<Record<ProgramLine, readonly string[]>> = {
  enforcement: ['Customs administration', 'Regional training center'],
  capacity: ['Judicial school', 'University law faculty'],
  prevention: ['Municipal government', 'Local youth NGO', 'Private-sector employers'],
};

export function partnersFor(countries: readonly CountryCode[]): string[] {
  return countries.flatMap((country) => nationalPartners[country] ?? []);
}

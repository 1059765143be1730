import { type Static } from 'typebox';
import { codeUnion, type CodeEntry } from './code-list';

export const threats = [
  { code: 'narcotics', en: 'Narcotics', es: 'Narcóticos' },
  { code: 'firearms', en: 'Firearms', es: 'Armas de fuego' },
  { code: 'bulk_cash', en: 'Bulk cash', es: 'Contrabando de efectivo' },
  { code: 'gangs', en: 'Gangs', es: 'Pandillas' },
  { code: 'extortion', en: 'Extortion', es: 'Extorsión' },
  { code: 'corruption', en: 'Corruption', es: 'Corrupción' },
  { code: 'human_smuggling', en: 'Human smuggling', es: 'Tráfico ilícito de migrantes' },
  { code: 'money_laundering', en: 'Money laundering', es: 'Lavado de dinero' },
] as const satisfies readonly CodeEntry<string>[];

export const Threat = codeUnion(threats, { title: 'Threat' });
export type Threat = Static<typeof Threat>;

export const corridorModes = [
  { code: 'land', en: 'Land', es: 'Terrestre' },
  { code: 'maritime', en: 'Maritime', es: 'Marítimo' },
  { code: 'air', en: 'Air', es: 'Aéreo' },
  { code: 'riverine', en: 'Riverine', es: 'Fluvial' },
] as const satisfies readonly CodeEntry<string>[];

export const CorridorMode = codeUnion(corridorModes, { title: 'CorridorMode' });
export type CorridorMode = Static<typeof CorridorMode>;

export const confidenceLevels = [
  { code: 'low', en: 'Low', es: 'Baja' },
  { code: 'medium', en: 'Medium', es: 'Media' },
  { code: 'high', en: 'High', es: 'Alta' },
] as const satisfies readonly CodeEntry<string>[];

export const ConfidenceLevel = codeUnion(confidenceLevels, { title: 'ConfidenceLevel' });
export type ConfidenceLevel = Static<typeof ConfidenceLevel>;

export const incidentKinds = [
  { code: 'seizure', en: 'Seizure', es: 'Decomiso' },
  { code: 'homicide', en: 'Homicide', es: 'Homicidio' },
  { code: 'extortion', en: 'Extortion', es: 'Extorsión' },
  { code: 'arrest', en: 'Arrest', es: 'Detención' },
  { code: 'clandestine_airstrip', en: 'Clandestine airstrip', es: 'Pista clandestina' },
  { code: 'trafficking_event', en: 'Trafficking event', es: 'Evento de tráfico' },
] as const satisfies readonly CodeEntry<string>[];

export const IncidentKind = codeUnion(incidentKinds, { title: 'IncidentKind' });
export type IncidentKind = Static<typeof IncidentKind>;

// The code-list types the tables use. They mirror docs/data-model.md; @atlas/domain owns the
// lists themselves (with labels), the migrations spell them out in CHECK constraints.
export type CountryCode = 'BZ' | 'GT' | 'SV' | 'HN' | 'NI' | 'CR' | 'PA' | 'MX' | 'US';
export type Goal = 1 | 2 | 3 | 4 | 5;
export type ProgramLine = 'enforcement' | 'capacity' | 'prevention';
export type FundingAccount = 'INCLE' | 'ESF' | 'NADR' | 'FMF';
export type FundingStage = 'committed' | 'obligated' | 'disbursed';
export type Threat =
  | 'narcotics'
  | 'firearms'
  | 'bulk_cash'
  | 'gangs'
  | 'extortion'
  | 'corruption'
  | 'human_smuggling'
  | 'money_laundering';
export type CorridorMode = 'land' | 'maritime' | 'air' | 'riverine';
export type ProgramStatus = 'planned' | 'active' | 'completed' | 'suspended';
export type GeoPrecision = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
export type Agency = 'INL' | 'USAID' | 'DOD' | 'DOJ' | 'DHS' | 'STATE_OTHER';
export type ConfidenceLevel = 'low' | 'medium' | 'high';
export type IncidentKind =
  'seizure' | 'homicide' | 'extortion' | 'arrest' | 'clandestine_airstrip' | 'trafficking_event';
export type Role = 'admin' | 'coordinator' | 'analyst' | 'service';
export type UserRole = Exclude<Role, 'service'>;
export type AuditAction = 'create' | 'update' | 'delete' | 'restore';
export type ActorType = 'user' | 'api_key' | 'system';
export type EntityType =
  'program' | 'site' | 'corridor' | 'community' | 'incident' | 'user' | 'api_key';

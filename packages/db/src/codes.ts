// The code-list types the tables use come from @atlas/domain, which owns the lists and their
// labels; the frozen migrations spell the same codes out in CHECK constraints.
export type {
  ActorType,
  Agency,
  AuditAction,
  ConfidenceLevel,
  CorridorMode,
  CountryCode,
  EntityType,
  FundingAccount,
  FundingStage,
  GeoPrecision,
  Goal,
  IncidentKind,
  ProgramLine,
  ProgramStatus,
  Role,
  Threat,
  UserRole,
} from '@atlas/domain';

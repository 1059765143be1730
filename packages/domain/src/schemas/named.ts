import { ApiKey, ApiKeyInput } from './api-key';
import { AuditEvent } from './audit';
import { CountryBoundary, DepartmentBoundary } from './boundary';
import { Community, CommunityInput, CommunityPatch } from './community';
import { Corridor, CorridorInput, CorridorPatch } from './corridor';
import { Incident, IncidentInput, IncidentPatch } from './incident';
import { Program, ProgramInput, ProgramPatch } from './program';
import { Site, SiteInput, SitePatch } from './site';
import { User, UserInput, UserPatch } from './user';

/**
 * Every top-level schema with an `$id`, for registering them as named components (OpenAPI).
 * Nested parts (geometries, FundingRow…) carry only a `title`, so no `$id` appears twice.
 */
export const namedSchemas = [
  Program,
  ProgramInput,
  ProgramPatch,
  Site,
  SiteInput,
  SitePatch,
  Corridor,
  CorridorInput,
  CorridorPatch,
  Community,
  CommunityInput,
  CommunityPatch,
  Incident,
  IncidentInput,
  IncidentPatch,
  CountryBoundary,
  DepartmentBoundary,
  AuditEvent,
  User,
  UserInput,
  UserPatch,
  ApiKey,
  ApiKeyInput,
] as const;

import { checkCorridorRules, checkProgramRules } from './rules';
import {
  Community,
  CommunityInput,
  CommunityPatch,
  Corridor,
  CorridorInput,
  CorridorPatch,
  Incident,
  IncidentInput,
  IncidentPatch,
  Program,
  ProgramInput,
  ProgramPatch,
  SiteInput,
  SitePatch,
} from './schemas';
import { validate, validateWithRules, type ValidationResult } from './validate';

/**
 * Per-entity checks: schema plus rules. Patches are checked against the schema only; check the
 * rules on the record merged with the patch (e.g. `checkProgramRules({ ...current, ...patch })`).
 */

export const validateProgramInput = (value: unknown): ValidationResult<ProgramInput> =>
  validateWithRules(ProgramInput, value, checkProgramRules);

export const validateProgram = (value: unknown): ValidationResult<Program> =>
  validateWithRules(Program, value, checkProgramRules);

export const validateProgramPatch = (value: unknown): ValidationResult<ProgramPatch> =>
  validate(ProgramPatch, value);

export const validateSiteInput = (value: unknown): ValidationResult<SiteInput> =>
  validate(SiteInput, value);

export const validateSitePatch = (value: unknown): ValidationResult<SitePatch> =>
  validate(SitePatch, value);

export const validateCorridorInput = (value: unknown): ValidationResult<CorridorInput> =>
  validateWithRules(CorridorInput, value, checkCorridorRules);

export const validateCorridor = (value: unknown): ValidationResult<Corridor> =>
  validateWithRules(Corridor, value, checkCorridorRules);

export const validateCorridorPatch = (value: unknown): ValidationResult<CorridorPatch> =>
  validate(CorridorPatch, value);

export const validateCommunityInput = (value: unknown): ValidationResult<CommunityInput> =>
  validate(CommunityInput, value);

export const validateCommunity = (value: unknown): ValidationResult<Community> =>
  validate(Community, value);

export const validateCommunityPatch = (value: unknown): ValidationResult<CommunityPatch> =>
  validate(CommunityPatch, value);

export const validateIncidentInput = (value: unknown): ValidationResult<IncidentInput> =>
  validate(IncidentInput, value);

export const validateIncident = (value: unknown): ValidationResult<Incident> =>
  validate(Incident, value);

export const validateIncidentPatch = (value: unknown): ValidationResult<IncidentPatch> =>
  validate(IncidentPatch, value);

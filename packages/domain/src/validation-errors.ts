import type { TLocalizedValidationError } from 'typebox/error';

/** One validation problem: a JSON Pointer into the value ('' is the value itself) and a message. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * Turns TypeBox's raw errors into the few that explain the failure. A failed union reports the
 * errors of every member; here we keep only the member the value most likely meant (the one
 * whose `type` or literal matched, with the fewest errors), and an unknown property is reported
 * at its own path.
 */
export function simplifyErrors(errors: readonly TLocalizedValidationError[]): Problem[] {
  const dropped = new Set<TLocalizedValidationError>();
  const replaced = new Map<TLocalizedValidationError, Problem>();

  // Outer unions first: their choice of member decides which inner errors remain.
  const unions = errors
    .filter((error) => error.keyword === 'anyOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (dropped.has(union)) continue;
    const branches = groupBranches(errors, union.schemaPath);
    for (const members of branches.values()) members.forEach((error) => dropped.add(error));
    const best = chooseBranch(branches, union.instancePath);
    if (best) {
      best.forEach((error) => dropped.delete(error));
      dropped.add(union);
    } else {
      replaced.set(union, { path: union.instancePath, message: unionMessage(branches, union) });
    }
  }

  const problems: Problem[] = [];
  for (const error of errors) {
    if (dropped.has(error)) continue;
    const replacement = replaced.get(error);
    if (replacement) problems.push(replacement);
    else problems.push(...toProblems(error));
  }
  return dedupe(problems);
}

function groupBranches(
  errors: readonly TLocalizedValidationError[],
  unionSchemaPath: string,
): Map<string, TLocalizedValidationError[]> {
  const prefix = `${unionSchemaPath}/anyOf/`;
  const branches = new Map<string, TLocalizedValidationError[]>();
  for (const error of errors) {
    if (!error.schemaPath.startsWith(prefix)) continue;
    const index = error.schemaPath.slice(prefix.length).split('/')[0] ?? '';
    const members = branches.get(index) ?? [];
    members.push(error);
    branches.set(index, members);
  }
  return branches;
}

/** A member mismatches outright when the value's own type, literal or `type` member differ. */
function mismatches(error: TLocalizedValidationError, at: string): boolean {
  const whole =
    error.instancePath === at && (error.keyword === 'type' || error.keyword === 'const');
  const discriminator = error.instancePath === `${at}/type` && error.keyword === 'const';
  return whole || discriminator;
}

function chooseBranch(
  branches: Map<string, TLocalizedValidationError[]>,
  at: string,
): TLocalizedValidationError[] | undefined {
  let best: TLocalizedValidationError[] | undefined;
  for (const members of branches.values()) {
    if (members.some((error) => mismatches(error, at))) continue;
    if (!best || members.length < best.length) best = members;
  }
  return best;
}

function unionMessage(
  branches: Map<string, TLocalizedValidationError[]>,
  union: TLocalizedValidationError,
): string {
  const allowed: string[] = [];
  let discriminated = false;
  for (const members of branches.values()) {
    for (const error of members) {
      if (error.keyword === 'const' && mismatches(error, union.instancePath)) {
        discriminated ||= error.instancePath !== union.instancePath;
        allowed.push(JSON.stringify(error.params.allowedValue));
      } else if (error.keyword === 'type' && error.instancePath === union.instancePath) {
        allowed.push(String(error.params.type));
      }
    }
  }
  if (allowed.length === 0) return union.message;
  const list = [...new Set(allowed)].join(', ');
  return discriminated ? `type must be one of ${list}` : `must be one of ${list}`;
}

function toProblems(error: TLocalizedValidationError): Problem[] {
  if (error.keyword === 'additionalProperties') {
    return error.params.additionalProperties.map((name) => ({
      path: `${error.instancePath}/${escapePointer(name)}`,
      message: 'unknown property',
    }));
  }
  // `additionalProperties: false` also reports "schema is false" for each extra member.
  if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) return [];
  if (error.keyword === 'required') {
    return error.params.requiredProperties.map((name) => ({
      path: `${error.instancePath}/${escapePointer(name)}`,
      message: 'is required',
    }));
  }
  return [{ path: error.instancePath, message: error.message }];
}

function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

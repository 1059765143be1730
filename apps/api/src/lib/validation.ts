// Request validation with TypeBox's compiler (it understands the domain's Type.Refine checks,
// which Ajv would silently ignore). Query strings, params and headers get their defaults
// applied and their strings converted to the schema's types; bodies are checked as sent.
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';

export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const check = Compile(schema);
  return (input: unknown) => {
    const withDefaults = Value.Default(schema, Value.Clone(input));
    const value = httpPart === 'body' ? withDefaults : Value.Convert(schema, withDefaults);
    if (check.Check(value)) return { value };
    const errors: FastifySchemaValidationError[] = check.Errors(value);
    return { error: errors };
  };
};

export interface ValidationDetail {
  /** Where the bad value was: querystring, params, body, headers. */
  location: string;
  /** JSON pointer to the value within that part ('' = the whole part). */
  path: string;
  message: string;
}

interface RawValidationError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function describe(error: RawValidationError): string {
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    return `must be one of ${error.params.allowedValues.map(String).join(', ')}`;
  }
  if (error.keyword === 'required' && typeof error.params.missingProperty === 'string') {
    return `must have property '${error.params.missingProperty}'`;
  }
  return error.message ?? 'is invalid';
}

/**
 * One detail per offending value. A union of constants reports one error per member; those
 * are merged into a single "must be one of" message.
 */
export function validationDetails(
  errors: readonly RawValidationError[],
  location: string,
): ValidationDetail[] {
  const byPath = new Map<string, RawValidationError[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const details: ValidationDetail[] = [];
  for (const [path, list] of byPath) {
    const constants = list.filter((error) => error.keyword === 'const');
    if (constants.length > 1 && constants.length === list.length) {
      const allowed = constants.map((error) => String(error.params.allowedValue));
      details.push({ location, path, message: `must be one of ${allowed.join(', ')}` });
      continue;
    }
    const messages = new Set(list.map(describe));
    for (const message of messages) details.push({ location, path, message });
  }
  return details;
}

/** "querystring/limit must be >= 1; querystring/country must be one of …" */
export function validationMessage(details: readonly ValidationDetail[]): string {
  return details.map((detail) => `${detail.location}${detail.path} ${detail.message}`).join('; ');
}

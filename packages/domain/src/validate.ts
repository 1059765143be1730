import { type Static, type TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { simplifyErrors, type Problem } from './validation-errors';

export type { Problem } from './validation-errors';

export type ValidationResult<Value> = { ok: true; value: Value } | { ok: false; errors: Problem[] };

// Compiling is the expensive part; schemas are module constants, so cache by identity.
const validators = new WeakMap<TSchema, Validator>();

/** The compiled validator of a schema (compiled once, then reused). */
export function validatorOf(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile<TSchema>(schema);
    validators.set(schema, validator);
  }
  return validator;
}

/** Checks `value` against `schema`; on failure lists the problems with their JSON Pointer paths. */
export function validate<Schema extends TSchema>(
  schema: Schema,
  value: unknown,
): ValidationResult<Static<Schema>> {
  const validator = validatorOf(schema);
  if (validator.Check(value)) return { ok: true, value: value as Static<Schema> };
  return { ok: false, errors: simplifyErrors(validator.Errors(value)) };
}

/** Schema check, then the domain rules the schema cannot express. */
export function validateWithRules<Schema extends TSchema>(
  schema: Schema,
  value: unknown,
  rules: (value: Static<Schema>) => Problem[],
): ValidationResult<Static<Schema>> {
  const result = validate(schema, value);
  if (!result.ok) return result;
  const problems = rules(result.value);
  return problems.length === 0 ? result : { ok: false, errors: problems };
}

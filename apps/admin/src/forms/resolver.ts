// react-hook-form validation with the domain's TypeBox schemas and rules: the very checks the
// API runs (`validate`, `validateWithRules` from @atlas/domain), so a form that passes here is
// not refused by the API for its shape.
import { type Problem, validate, validateWithRules } from '@atlas/domain';
import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { Static, TSchema } from 'typebox';
import { translateMessage } from './messages';

/** `/funding/0/amountUsd` → `funding.0.amountUsd` (a react-hook-form field name). */
export function pointerToField(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .join('.');
}

export function problemsToErrors(
  problems: readonly Problem[],
  t: TFunction,
): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const problem of problems) {
    const field = pointerToField(problem.path) || 'root';
    errors[field] ??= { type: 'validate', message: translateMessage(problem.message, t) };
  }
  return errors;
}

/**
 * Leaves out members that are undefined or empty text, recursively: a blank field is then
 * reported as "required" (not as a too-short string or a union mismatch).
 */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutBlanks);
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || member === '') continue;
    kept[key] = withoutBlanks(member);
  }
  return kept;
}

interface DomainResolverOptions<Form, Schema extends TSchema> {
  /** The form's values as the schema's input (e.g. blank optional dates → null). */
  toInput: (values: Form) => unknown;
  /** Rules across fields (checkProgramRules…), run once the schema passes. */
  rules?: (value: Static<Schema>) => Problem[];
  t: TFunction;
}

/** A resolver that validates the form's input with a domain schema (and its rules). */
export function domainResolver<Form extends FieldValues, Schema extends TSchema>(
  schema: Schema,
  { toInput, rules, t }: DomainResolverOptions<Form, Schema>,
): Resolver<Form, unknown, Static<Schema>> {
  return (values, _context, options) => {
    const input = withoutBlanks(toInput(values));
    const result = rules ? validateWithRules(schema, input, rules) : validate(schema, input);
    if (result.ok) return { values: result.value, errors: {} };
    return { values: {}, errors: toNestErrors(problemsToErrors(result.errors, t), options) };
  };
}

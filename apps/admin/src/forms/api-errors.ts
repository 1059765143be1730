import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '../api/client';
import { translateMessage } from './messages';
import { pointerToField } from './resolver';

/**
 * Put the API's field-level problems (a 400's `errors`) on the form's fields. Answers the
 * problems that name no field the form has, for a message above the form.
 */
export function showApiFieldErrors<Form extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<Form>,
  knownFields: (field: string) => boolean,
  t: TFunction,
): string[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const unplaced: string[] = [];
  for (const problem of error.fieldErrors) {
    const field = pointerToField(problem.path);
    const message = translateMessage(problem.message, t);
    if (field && knownFields(field)) {
      setError(field as Path<Form>, { type: 'server', message }, { shouldFocus: true });
    } else {
      unplaced.push(field ? `${field}: ${message}` : message);
    }
  }
  return unplaced;
}

import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

const KNOWN = new Set([0, 400, 401, 403, 413, 415]);

/** Why an import failed as a whole (unreadable file, bad mapping, scope, size, network). */
export function ImportErrorAlert({ error }: { error: Error }) {
  const { t } = useTranslation('import');
  const status = error instanceof ApiError ? error.status : -1;
  const detail =
    error instanceof ApiError ? (error.problem?.detail ?? error.message) : error.message;
  const text = KNOWN.has(status)
    ? t(`errors.${status}`, { detail })
    : t('errors.other', { status, detail });
  return (
    <Alert color="red" role="alert" title={t('errors.title')} data-testid="import-error">
      {text}
    </Alert>
  );
}

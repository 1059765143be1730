import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { percentDone, type ImportRun } from './use-import-run';

/** How far the upload and the API's reading of the rows have come (announced politely). */
export function ImportProgressBar({ run }: { run: ImportRun }) {
  const { t } = useTranslation('import');
  if (run.state !== 'running' && run.state !== 'done') return null;
  const percent = percentDone(run);
  let text = t('progress.done');
  if (run.state === 'running') {
    const { sent, total, rows } = run.progress;
    const parts = [
      sent < total ? t('progress.uploading', { percent }) : t('progress.waiting'),
      rows > 0 ? t('progress.rows', { rows }) : null,
    ];
    text = parts.filter(Boolean).join(' · ');
  }
  return (
    <Stack gap={4}>
      <Progress.Root size="lg" data-testid="import-progress">
        <Progress.Section
          value={percent}
          aria-label={t('progress.label')}
          animated={run.state === 'running'}
          color={run.state === 'done' ? 'teal' : undefined}
        />
      </Progress.Root>
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="import-progress-text">
        {text}
      </Text>
    </Stack>
  );
}

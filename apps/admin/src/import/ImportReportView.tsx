import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportReport } from './import-api';
import { ProblemsTable } from './ProblemsTable';

const COUNTS = ['rows', 'created', 'updated', 'unchanged', 'problemCount'] as const;
const COUNT_LABELS = {
  rows: 'report.rows',
  created: 'report.created',
  updated: 'report.updated',
  unchanged: 'report.unchanged',
  problemCount: 'report.problems',
} as const;

/** Where the imported records are listed (sites are listed with their programs). */
const listPath = (report: ImportReport) =>
  report.collection === 'sites' ? '/programs' : `/${report.collection}`;

/** A preview's or commit's report: the counts, the batch, and the problems by row. */
export function ImportReportView({
  report,
  refused = false,
}: {
  report: ImportReport;
  /** A commit the API refused (its report came with the 400/403). */
  refused?: boolean;
}) {
  const { t, i18n } = useTranslation('import');
  const titleKey = refused
    ? 'report.refusedTitle'
    : report.committed
      ? 'report.committedTitle'
      : 'report.previewTitle';
  const hasProblems = report.problemCount > 0;
  return (
    <Stack gap="sm" data-testid="import-report">
      <Alert
        color={hasProblems ? 'red' : report.committed ? 'teal' : 'blue'}
        title={t(titleKey)}
        role={hasProblems ? 'alert' : 'status'}
      >
        <Stack gap={4}>
          {hasProblems && <Text size="sm">{t('report.fix', { count: report.problemCount })}</Text>}
          {report.deniedCount > 0 && (
            <Text size="sm">{t('report.denied', { count: report.deniedCount })}</Text>
          )}
          {!hasProblems && !report.committed && <Text size="sm">{t('report.ok')}</Text>}
          {report.committed && report.batchId && (
            <Group gap="xs">
              <Text size="sm" data-testid="import-batch">
                {t('report.batch', { id: report.batchId })}
              </Text>
              <Anchor component={Link} to={listPath(report)} size="sm">
                {t('report.showList')}
              </Anchor>
            </Group>
          )}
        </Stack>
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
        {COUNTS.map((key) => (
          <Paper key={key} withBorder p="xs" data-testid={`import-count-${key}`}>
            <Text size="xs" c="dimmed">
              {t(COUNT_LABELS[key])}
            </Text>
            <Text size="lg" fw={700}>
              {report[key].toLocaleString(i18n.language)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {report.problems.length > 0 && (
        <>
          {report.problems.length < report.problemCount && (
            <Text size="sm" c="dimmed">
              {t('report.listed', { shown: report.problems.length, count: report.problemCount })}
            </Text>
          )}
          <ProblemsTable problems={report.problems} />
        </>
      )}
    </Stack>
  );
}

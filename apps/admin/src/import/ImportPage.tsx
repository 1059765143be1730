// The import page (docs/admin-app.md, "Import"): choose what to import and the file, name its
// source, check the column mapping, preview the validation report, then commit. The API does
// the work (POST /api/v1/imports/:collection); this page sends the file and shows its answers.
import {
  Alert,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listQueryKey } from '../api/records';
import { useSession } from '../api/session';
import { ImportError } from './import-api';
import { ImportErrorAlert } from './ImportErrorAlert';
import { ImportProgressBar } from './ImportProgressBar';
import { ImportReportView } from './ImportReportView';
import { MappingFields } from './MappingFields';
import {
  formatFromName,
  IMPORT_COLLECTIONS,
  IMPORT_FORMATS,
  targetsOf,
  type ImportCollection,
  type ImportFormat,
} from './targets';
import { rememberedKey, SOURCE_PATTERN, useFileColumns, useMapping } from './use-mapping';
import { useImportRun } from './use-import-run';

type Delimiter = ',' | ';' | '\t';
const DELIMITERS: { value: Delimiter; key: string }[] = [
  { value: ',', key: 'comma' },
  { value: ';', key: 'semicolon' },
  { value: '\t', key: 'tab' },
];

const sameMapping = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

export function ImportPage() {
  const { t } = useTranslation('import');
  const session = useSession();
  if (!session.canEdit) {
    return (
      <Alert color="yellow" m="md" role="alert">
        {t('editorsOnly')}
      </Alert>
    );
  }
  return <ImportForm />;
}

function ImportForm() {
  const { t, i18n } = useTranslation('import');
  const session = useSession();
  const queryClient = useQueryClient();
  const [collection, setCollection] = useState<ImportCollection | null>(null);
  const [file, setFile] = useState<File | null>(null);
  // Each choice of a file is a new file (a corrected one may keep its name).
  const [fileVersion, setFileVersion] = useState(0);
  const [format, setFormat] = useState<ImportFormat | null>(null);
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [source, setSource] = useState('');
  const { mapping, setMapping, choose, rememberedFrom } = useMapping(source, collection, true);
  const columns = useFileColumns(file, format, delimiter);
  const { run, start, cancel } = useImportRun();

  const running = run.state === 'running';
  const sourceValid = SOURCE_PATTERN.test(source.trim());
  const iatiMismatch = format === 'iati' && collection !== null && collection !== 'programs';
  const ready = collection !== null && file !== null && format !== null && sourceValid;
  const usesMapping = format !== 'iati';
  // Only columns the file has are sent (a remembered column it lacks is left to the API).
  const sentMapping = Object.fromEntries(
    Object.entries(mapping).filter(
      ([, column]) => columns.length === 0 || columns.includes(column),
    ),
  );
  // A commit needs a clean preview of exactly these inputs.
  const inputsKey = JSON.stringify([collection, format, delimiter, source.trim(), fileVersion]);
  const previewed =
    run.state === 'done' && run.key === inputsKey && !run.report.committed ? run.report : null;
  const canCommit =
    previewed !== null &&
    previewed.problemCount === 0 &&
    previewed.rows > 0 &&
    (!usesMapping || sameMapping(sentMapping, previewed.mapping));

  async function send(commit: boolean) {
    if (!ready) return;
    const report = await start(
      {
        collection,
        format,
        file,
        source: source.trim(),
        mapping: usesMapping ? sentMapping : undefined,
        delimiter: format === 'csv' ? delimiter : undefined,
        commit,
        csrfToken: session.csrfToken,
      },
      inputsKey,
    );
    // The preview shows the mapping it used (given, remembered or matched by name).
    if (report && usesMapping) setMapping(report.mapping);
    if (report?.committed) {
      void queryClient.invalidateQueries({ queryKey: listQueryKey(collection) });
      void queryClient.invalidateQueries({ queryKey: ['sites'] });
      void queryClient.invalidateQueries({ queryKey: rememberedKey(source.trim()) });
    }
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setFileVersion((version) => version + 1);
    if (chosen) setFormat(formatFromName(chosen.name) ?? format);
  }

  const failedReport =
    run.state === 'failed' && run.error instanceof ImportError ? run.error.report : undefined;
  const committed = run.state === 'done' && run.report.committed ? run.report : null;

  return (
    <Stack p="md" gap="md" maw={1100}>
      <Title order={2}>{t('title')}</Title>
      <Text size="sm" c="dimmed">
        {t('intro')}
      </Text>
      <Paper
        withBorder
        p="md"
        component="form"
        aria-label={t('title')}
        onSubmit={(event) => {
          event.preventDefault();
          void send(false);
        }}
      >
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('collection')}
              required
              data={IMPORT_COLLECTIONS.map((value) => ({
                value,
                label: t(`collections.${value}`),
              }))}
              value={collection}
              onChange={(value) => {
                setCollection(value);
              }}
              disabled={running}
              allowDeselect={false}
            />
            <TextInput
              label={t('source')}
              description={t('sourceHint')}
              required
              value={source}
              onChange={(event) => {
                setSource(event.currentTarget.value);
              }}
              error={source.trim() !== '' && !sourceValid ? t('sourceInvalid') : undefined}
              disabled={running}
              autoComplete="off"
            />
            <FileInput
              label={t('file')}
              placeholder={t('filePlaceholder')}
              required
              clearable
              accept=".csv,.tsv,.txt,.geojson,.json,.xml,text/csv,application/geo+json,application/json,application/xml,text/xml"
              value={file}
              onChange={chooseFile}
              description={
                file
                  ? t('fileHint', {
                      name: file.name,
                      size: `${(file.size / 1024).toLocaleString(i18n.language, { maximumFractionDigits: 1 })} KB`,
                    })
                  : undefined
              }
              disabled={running}
              data-testid="import-file"
            />
            <Group grow align="flex-start">
              <Select
                label={t('format')}
                required
                data={IMPORT_FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }))}
                value={format}
                onChange={(value) => {
                  setFormat(value);
                }}
                error={iatiMismatch ? t('iatiProgramsOnly') : undefined}
                disabled={running}
                allowDeselect={false}
              />
              {format === 'csv' && (
                <Select
                  label={t('delimiter')}
                  data={DELIMITERS.map(({ value, key }) => ({
                    value,
                    label: t(`delimiters.${key}`),
                  }))}
                  value={delimiter}
                  onChange={(value) => {
                    setDelimiter(value ?? ',');
                  }}
                  disabled={running}
                  allowDeselect={false}
                />
              )}
            </Group>
          </SimpleGrid>
          {collection && format && usesMapping && (
            <MappingFields
              targets={targetsOf(collection)}
              columns={columns}
              mapping={mapping}
              onChange={choose}
              rememberedFrom={rememberedFrom}
              disabled={running}
            />
          )}
          {format === 'iati' && (
            <Text size="sm" c="dimmed">
              {t('mapping.iati')}
            </Text>
          )}
          <Group>
            <Button
              type="submit"
              disabled={!ready || iatiMismatch || running}
              data-testid="import-preview"
            >
              {t('preview')}
            </Button>
            <Button
              color="teal"
              disabled={!canCommit || running}
              onClick={() => void send(true)}
              data-testid="import-commit"
            >
              {previewed ? t('commit', { count: previewed.rows }) : t('commitIdle')}
            </Button>
            {running && (
              <Button variant="default" onClick={cancel}>
                {t('cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <ImportProgressBar run={run} />
      {run.state === 'failed' && <ImportErrorAlert error={run.error} />}
      {failedReport && <ImportReportView report={failedReport} refused />}
      {run.state === 'done' && <ImportReportView report={run.report} />}
      {committed && (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              chooseFile(null);
            }}
          >
            {t('again')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

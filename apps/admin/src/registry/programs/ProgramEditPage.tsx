import { checkProgramRules, ProgramInput } from '@atlas/domain';
import { Alert, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ProgramRecord } from '../../api/programs';
import { useSession } from '../../api/session';
import { showApiFieldErrors } from '../../forms/api-errors';
import { domainResolver } from '../../forms/resolver';
import { useLang } from '../../i18n/language';
import { PageLoader } from '../../ui/PageLoader';
import { ProgramSites } from '../sites/ProgramSites';
import { ConflictDialog } from '../shared/ConflictDialog';
import { HistoryPanel } from '../shared/HistoryPanel';
import { RecordHeader } from '../shared/RecordHeader';
import { useRecordEditor } from '../shared/use-record-editor';
import { FundingGrid } from './FundingGrid';
import { IndicatorsFields } from './IndicatorsFields';
import { ProgramDetailsFields } from './ProgramDetailsFields';
import {
  emptyProgramForm,
  programFormToInput,
  programRecordToInput,
  programToForm,
  type ProgramForm,
} from './program-form';

const DETAIL_FIELDS = new Set(Object.keys(emptyProgramForm(null)));

/** One program: details, funding, indicators, sites and history. `/programs/new` creates one. */
export function ProgramEditPage() {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const programId = id === 'new' ? undefined : id;
  const editor = useRecordEditor<ProgramRecord>('programs', programId, programRecordToInput);
  const [tab, setTab] = useState<string | null>('details');
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const resolver = useMemo(
    () =>
      domainResolver(ProgramInput, { toInput: programFormToInput, rules: checkProgramRules, t }),
    [t],
  );
  const form = useForm<ProgramForm, unknown, ProgramInput>({
    defaultValues: emptyProgramForm(session.countries),
    resolver,
  });
  const { reset, handleSubmit, setError, formState } = form;

  const base = editor.base;
  useEffect(() => {
    if (base) reset(programToForm(base.record));
  }, [base, reset]);

  const record = base?.record;
  const canEdit =
    session.canEdit &&
    (record ? session.canEditCountries(record.countries) && record.deletedAt === null : true);

  const submit = handleSubmit(
    async (input) => {
      setFormError(null);
      setSaved(false);
      try {
        const result = await editor.save(input);
        if (result) {
          setSaved(true);
          if (!programId) void navigate(`/programs/${result.record.id}`, { replace: true });
        }
      } catch (error) {
        const unplaced = showApiFieldErrors(
          error,
          setError,
          (field) => DETAIL_FIELDS.has(field.split('.')[0] ?? ''),
          t,
        );
        setFormError(
          unplaced.join('; ') || (error instanceof Error ? error.message : String(error)),
        );
      }
    },
    () => {
      setFormError(t('common:errors.fixFields'));
    },
  );

  if (editor.loading) return <PageLoader />;
  if (editor.loadError) {
    return (
      <Alert color="red" role="alert" m="md" title={t('common:errors.loadFailed')}>
        {editor.loadError.message}
      </Alert>
    );
  }

  const errors = formState.errors;
  const detailErrors = Object.keys(errors).some((key) => key !== 'funding' && key !== 'indicators');
  const marker = (has: boolean) => (has ? ' •' : '');
  const title = record
    ? `${record.code} — ${lang === 'es' ? record.titleEs : record.title}`
    : t('programs.new');

  return (
    <Stack p="md" gap={0}>
      <RecordHeader
        editor={editor}
        title={title}
        listPath="/programs"
        canEdit={session.canEdit && (!record || session.canEditCountries(record.countries))}
      />
      <FormProvider {...form}>
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
          <Tabs value={tab} onChange={setTab} keepMounted>
            <Tabs.List>
              <Tabs.Tab value="details" c={detailErrors ? 'red' : undefined}>
                {t('programs.tabs.details')}
                {marker(detailErrors)}
              </Tabs.Tab>
              <Tabs.Tab value="funding" c={errors.funding ? 'red' : undefined}>
                {t('programs.tabs.funding')}
                {marker(Boolean(errors.funding))}
              </Tabs.Tab>
              <Tabs.Tab value="indicators" c={errors.indicators ? 'red' : undefined}>
                {t('programs.tabs.indicators')}
                {marker(Boolean(errors.indicators))}
              </Tabs.Tab>
              <Tabs.Tab value="sites" disabled={!programId}>
                {t('programs.tabs.sites')}
              </Tabs.Tab>
              <Tabs.Tab value="history" disabled={!programId}>
                {t('programs.tabs.history')}
              </Tabs.Tab>
            </Tabs.List>
            <fieldset disabled={!canEdit} className="atlas-fieldset">
              <Tabs.Panel value="details" pt="md">
                <ProgramDetailsFields scope={session.countries} />
              </Tabs.Panel>
              <Tabs.Panel value="funding" pt="md">
                <Controller
                  name="funding"
                  control={form.control}
                  render={({ field }) => (
                    <FundingGrid
                      value={field.value}
                      onChange={field.onChange}
                      errors={Array.isArray(errors.funding) ? errors.funding : undefined}
                      disabled={!canEdit}
                    />
                  )}
                />
                {errors.funding?.message && (
                  <Text c="red" size="sm" role="alert">
                    {errors.funding.message}
                  </Text>
                )}
              </Tabs.Panel>
              <Tabs.Panel value="indicators" pt="md">
                <IndicatorsFields disabled={!canEdit} />
              </Tabs.Panel>
            </fieldset>
          </Tabs>
          {tab !== 'sites' && tab !== 'history' && (
            <Stack mt="md" gap="xs">
              {formError && (
                <Alert color="red" role="alert" data-testid="form-error">
                  {formError}
                </Alert>
              )}
              {saved && !formState.isDirty && (
                <Text c="green" size="sm" role="status" data-testid="saved-note">
                  {t('record.saved', { version: base?.version })}
                </Text>
              )}
              {canEdit && (
                <Group justify="flex-end">
                  <Button type="submit" loading={formState.isSubmitting} data-testid="save-program">
                    {programId ? t('common:actions.save') : t('programs.create')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </form>
      </FormProvider>
      {programId && tab === 'sites' && (
        <Stack pt="md">
          <ProgramSites programId={programId} canEdit={canEdit} />
        </Stack>
      )}
      {programId && tab === 'history' && (
        <Stack pt="md">
          <HistoryPanel editor={editor} canEdit={canEdit} />
        </Stack>
      )}
      <ConflictDialog editor={editor} toInput={programRecordToInput} />
    </Stack>
  );
}

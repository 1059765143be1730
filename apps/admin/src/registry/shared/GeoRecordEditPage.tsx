// The editor page of a geometry record (corridor, community, incident): fields on the left,
// the geometry on the map on the right, history below; save with If-Match, conflicts, restore.
import type { CountryCode, Problem } from '@atlas/domain';
import { Alert, Button, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import type { Geometry } from 'geojson';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  FormProvider,
  useForm,
  useWatch,
  type DefaultValues,
  type FieldValues,
  type Path,
  type PathValue,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { TSchema } from 'typebox';
import type { Collection, RecordBase } from '../../api/records';
import { useSession } from '../../api/session';
import { showApiFieldErrors } from '../../forms/api-errors';
import { domainResolver } from '../../forms/resolver';
import { PageLoader } from '../../ui/PageLoader';
import { ConflictDialog } from './ConflictDialog';
import { GeometryMap, kindOf, type GeometryKind } from './GeometryMap';
import { HistoryPanel } from './HistoryPanel';
import { RecordHeader } from './RecordHeader';
import { useRecordEditor } from './use-record-editor';

export interface GeoEditorConfig<
  R extends RecordBase,
  Form extends FieldValues & { geometry: Geometry | null },
> {
  collection: Collection;
  listPath: string;
  schema: TSchema;
  rules?: (value: never) => Problem[];
  emptyForm: () => Form;
  toForm: (record: R) => Form;
  toInput: (form: Form) => unknown;
  /** The countries a record concerns (for the user's country scope); empty when unknown. */
  countriesOf: (record: R) => (CountryCode | null)[];
  kinds: readonly GeometryKind[];
  titleOf: (record: R) => string;
  newTitleKey: string;
  Fields: () => ReactNode;
}

export function GeoRecordEditPage<
  R extends RecordBase,
  Form extends FieldValues & { geometry: Geometry | null },
>({ config }: { config: GeoEditorConfig<R, Form> }) {
  const { t } = useTranslation('registry');
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const recordId = id === 'new' ? undefined : id;
  const recordToInput = useMemo(
    () => (record: R) => config.toInput(config.toForm(record)) as object,
    [config],
  );
  const editor = useRecordEditor<R>(config.collection, recordId, recordToInput);
  const [formError, setFormError] = useState<string | null>(null);
  const [kind, setKind] = useState<GeometryKind>(config.kinds[0] ?? 'point');
  const resolver = useMemo(
    () =>
      domainResolver(config.schema, {
        toInput: config.toInput,
        rules: config.rules as ((value: unknown) => Problem[]) | undefined,
        t,
      }),
    [config, t],
  );
  const form = useForm<Form, unknown, unknown>({
    defaultValues: config.emptyForm() as DefaultValues<Form>,
    resolver,
  });
  const { reset, handleSubmit, setError, setValue, control, formState } = form;

  const base = editor.base;
  useEffect(() => {
    if (base) reset(config.toForm(base.record));
  }, [base, reset, config]);
  // The point/area choice follows each loaded version (adjusted while rendering, not in the
  // effect above, so the form and the map agree from the first render of that version).
  const [kindBase, setKindBase] = useState<typeof base>(undefined);
  if (base && base !== kindBase) {
    setKindBase(base);
    setKind(kindOf(config.toForm(base.record).geometry, config.kinds[0] ?? 'point'));
  }

  const record = base?.record;
  const inScope = !record || session.canEditCountries(config.countriesOf(record).filter(Boolean));
  const canEdit = session.canEdit && inScope && record?.deletedAt == null;
  // useWatch (not watch()) so the React Compiler can memoize this component.
  const geometry = useWatch({ control, name: 'geometry' as Path<Form> }) as Geometry | null;
  const fieldNames = new Set(Object.keys(config.emptyForm()));

  const submit = handleSubmit(
    async (input) => {
      setFormError(null);
      try {
        const result = await editor.save(input as object);
        if (result && !recordId)
          void navigate(`${config.listPath}/${result.record.id}`, { replace: true });
      } catch (error) {
        const unplaced = showApiFieldErrors(
          error,
          setError,
          (field) => fieldNames.has(field.split('.')[0] ?? ''),
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
  const title = record ? config.titleOf(record) : t(config.newTitleKey);
  const { Fields } = config;

  return (
    <Stack p="md" gap={0}>
      <RecordHeader
        editor={editor}
        title={title}
        listPath={config.listPath}
        canEdit={session.canEdit && inScope}
      />
      <Tabs defaultValue="edit" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="edit">{t('record.tabs.edit')}</Tabs.Tab>
          <Tabs.Tab value="history" disabled={!recordId}>
            {t('record.tabs.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <FormProvider {...form}>
                <form onSubmit={(event) => void submit(event)} noValidate aria-label={title}>
                  <fieldset disabled={!canEdit} className="atlas-fieldset">
                    <Fields />
                  </fieldset>
                  {formState.errors.geometry && (
                    <Text c="red" size="sm" role="alert" mt="xs">
                      {t('fields.geometry')}:{' '}
                      {typeof formState.errors.geometry.message === 'string'
                        ? formState.errors.geometry.message
                        : t('sites.geometryMissing')}
                    </Text>
                  )}
                  {formError && (
                    <Alert color="red" role="alert" mt="sm" data-testid="form-error">
                      {formError}
                    </Alert>
                  )}
                  {canEdit && (
                    <Group justify="flex-end" mt="md">
                      <Button
                        type="submit"
                        loading={formState.isSubmitting}
                        data-testid="save-record"
                      >
                        {recordId ? t('common:actions.save') : t('record.create')}
                      </Button>
                    </Group>
                  )}
                </form>
              </FormProvider>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <GeometryMap
                kinds={config.kinds}
                kind={kind}
                onKindChange={setKind}
                value={geometry}
                onChange={(next) => {
                  setValue('geometry' as Path<Form>, next as PathValue<Form, Path<Form>>, {
                    shouldDirty: true,
                    shouldValidate: formState.isSubmitted,
                  });
                }}
                editable={canEdit}
                label={t('fields.geometry')}
                subject={recordId ?? 'new'}
                saved={base ? config.toForm(base.record).geometry : null}
              />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel editor={editor} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
      <ConflictDialog editor={editor} toInput={recordToInput} />
    </Stack>
  );
}

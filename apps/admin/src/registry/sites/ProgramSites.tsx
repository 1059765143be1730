import { SiteInput, type SiteGeometry } from '@atlas/domain';
import { Alert, Badge, Button, Grid, Group, NavLink, Paper, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { programSitesKey, useProgramSites } from '../../api/programs';
import { useSession } from '../../api/session';
import { showApiFieldErrors } from '../../forms/api-errors';
import { domainResolver } from '../../forms/resolver';
import { DrawControl } from '../../map/draw/DrawControl';
import { MapClickPicker } from '../../map/MapClickPicker';
import { useMapEvent } from '../../map/map-context';
import { ConflictDialog } from '../shared/ConflictDialog';
import { EditorMap } from '../shared/EditorMap';
import { useRecordEditor } from '../shared/use-record-editor';
import { SiteFields, type GeometryKind } from './SiteFields';
import { PROGRAM_SITES_LAYER, SiteLayers } from './SiteLayers';
import {
  emptySiteForm,
  roundPosition,
  siteFormToInput,
  siteRecordToInput,
  siteToForm,
  type SiteForm,
  type SiteRecord,
} from './site-form';

interface ProgramSitesProps {
  programId: string;
  /** Whether the user may change this program's sites (role and country scope). */
  canEdit: boolean;
}

function SiteClickSelect({ onSelect }: { onSelect: (id: string) => void }) {
  useMapEvent(
    'click',
    (event) => {
      const id = (event as unknown as { features?: { properties: { id?: string } }[] })
        .features?.[0]?.properties.id;
      if (id) onSelect(id);
    },
    PROGRAM_SITES_LAYER,
  );
  return null;
}

/** A program's sites: a list, the map, and the form of the site being added or edited. */
export function ProgramSites({ programId, canEdit }: ProgramSitesProps) {
  const { t } = useTranslation('registry');
  const session = useSession();
  const queryClient = useQueryClient();
  const sites = useProgramSites(programId);
  const [selected, setSelected] = useState<string | null>(null);
  const [kind, setKind] = useState<GeometryKind>('point');
  const [formError, setFormError] = useState<string | null>(null);
  const editor = useRecordEditor<SiteRecord>(
    'sites',
    selected === null || selected === 'new' ? undefined : selected,
    siteRecordToInput,
  );
  const form = useForm<SiteForm, unknown, SiteInput>({
    defaultValues: emptySiteForm(),
    resolver: domainResolver(SiteInput, {
      toInput: (values) => siteFormToInput(values, programId),
      t,
    }),
  });
  const { reset, setValue, control, handleSubmit, setError } = form;
  // useWatch (not watch()) so the React Compiler can memoize this component.
  const geometry = useWatch({ control, name: 'geometry' });

  // The form follows the site being edited (after loading, saving, reloading or restoring).
  const base = editor.base;
  useEffect(() => {
    if (selected === 'new') reset(emptySiteForm());
    else if (base) reset(siteToForm(base.record));
  }, [selected, base, reset]);
  // The point/area choice follows too (adjusted while rendering rather than in the effect).
  const kindFor = selected === 'new' ? 'new' : base;
  const [kindSource, setKindSource] = useState<typeof kindFor>(undefined);
  if (kindFor !== kindSource && kindFor) {
    setKindSource(kindFor);
    setKind(kindFor === 'new' || kindFor.record.geometry.type === 'Point' ? 'point' : 'polygon');
  }

  const editable = canEdit && selected !== null && base?.record.deletedAt == null;
  const setGeometry = (value: SiteGeometry | null) => {
    setValue('geometry', value, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  };

  const submit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      const saved = await editor.save(input);
      void queryClient.invalidateQueries({ queryKey: programSitesKey(programId) });
      if (saved) setSelected(saved.record.id);
    } catch (error) {
      const unplaced = showApiFieldErrors(error, setError, (field) => field in emptySiteForm(), t);
      setFormError(unplaced.join('; ') || (error instanceof Error ? error.message : String(error)));
    }
  });

  const record = base?.record;
  const pointDraft = kind === 'point' && geometry?.type === 'Point' ? geometry : null;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm">
          <Group justify="space-between">
            <Text fw={700}>{t('sites.title', { count: sites.data?.features.length ?? 0 })}</Text>
            {canEdit && (
              <Button
                size="compact-sm"
                onClick={() => {
                  setSelected('new');
                }}
                data-testid="add-site"
              >
                {t('sites.add')}
              </Button>
            )}
          </Group>
          <nav aria-label={t('sites.list')}>
            {sites.data?.features.map((feature) => (
              <NavLink
                key={feature.properties.id}
                label={feature.properties.name}
                description={[feature.properties.country, feature.properties.department]
                  .filter(Boolean)
                  .join(' · ')}
                active={selected === feature.properties.id}
                onClick={() => {
                  setSelected(feature.properties.id);
                }}
              />
            ))}
          </nav>
          {selected !== null && (
            <Paper withBorder p="sm" component="section" aria-label={t('sites.editor')}>
              <FormProvider {...form}>
                <form onSubmit={(event) => void submit(event)} noValidate>
                  <fieldset disabled={!editable} className="atlas-fieldset">
                    <SiteFields kind={kind} onKindChange={setKind} />
                  </fieldset>
                  {record && (
                    <Group gap="xs" mt="sm" data-testid="site-derived">
                      <Badge variant="light">
                        {t('sites.country')}: {record.country ?? '—'}
                      </Badge>
                      <Badge variant="light">
                        {t('sites.department')}: {record.department ?? '—'}
                      </Badge>
                    </Group>
                  )}
                  {formError && (
                    <Alert color="red" role="alert" mt="sm">
                      {formError}
                    </Alert>
                  )}
                  {editable && (
                    <Group mt="sm" justify="flex-end">
                      <Button
                        variant="default"
                        onClick={() => {
                          setSelected(null);
                        }}
                      >
                        {t('common:actions.cancel')}
                      </Button>
                      <Button
                        type="submit"
                        loading={form.formState.isSubmitting}
                        data-testid="save-site"
                      >
                        {t('sites.save')}
                      </Button>
                    </Group>
                  )}
                </form>
              </FormProvider>
            </Paper>
          )}
          {session.canEdit && !canEdit && (
            <Text size="sm" c="dimmed">
              {t('record.outOfScope')}
            </Text>
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <div className="atlas-editor-map">
          <EditorMap
            label={t('sites.map')}
            subject={programId}
            fitTo={sites.data?.features.map((site) => site.geometry)}
          >
            <SiteLayers sites={sites.data} selectedId={selected} draft={pointDraft} />
            {!(editable && kind === 'point') && <SiteClickSelect onSelect={setSelected} />}
            {editable && kind === 'point' && (
              <MapClickPicker
                onPick={(lng, lat) => {
                  setGeometry({ type: 'Point', coordinates: roundPosition(lng, lat) });
                }}
              />
            )}
            {editable && kind === 'polygon' && (
              <DrawControl
                kind="polygon"
                value={geometry && geometry.type !== 'Point' ? geometry : null}
                onChange={(drawn) => {
                  setGeometry(drawn as SiteGeometry | null);
                }}
              />
            )}
          </EditorMap>
        </div>
      </Grid.Col>
      <ConflictDialog editor={editor} toInput={siteRecordToInput} />
    </Grid>
  );
}

import { geoPrecisions } from '@atlas/domain';
import { SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { codeOptions } from '../shared/codes';
import { formatValue } from '../shared/format-value';
import type { SiteForm } from './site-form';

export type GeometryKind = 'point' | 'polygon';

interface SiteFieldsProps {
  kind: GeometryKind;
  onKindChange: (kind: GeometryKind) => void;
}

/** Name, precision, description and how the geometry is given (a point or an area). */
export function SiteFields({ kind, onKindChange }: SiteFieldsProps) {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const { register, control, watch, formState } = useFormContext<SiteForm>();
  const geometry = watch('geometry');
  return (
    <Stack gap="sm">
      <TextInput
        label={t('sites.name')}
        withAsterisk
        {...register('name')}
        error={formState.errors.name?.message}
      />
      <Controller
        name="precision"
        control={control}
        render={({ field, fieldState }) => (
          <Select
            label={t('sites.precision')}
            data={codeOptions(geoPrecisions, lang).map((option) => ({
              ...option,
              label: `${option.value} — ${option.label}`,
            }))}
            value={field.value}
            onChange={field.onChange}
            ref={field.ref}
            error={fieldState.error?.message}
            withAsterisk
          />
        )}
      />
      <Textarea label={t('sites.description')} autosize minRows={2} {...register('description')} />
      <div>
        <Text size="sm" fw={500} mb={4} id="site-geometry-kind">
          {t('sites.geometry')}
        </Text>
        <SegmentedControl
          aria-labelledby="site-geometry-kind"
          value={kind}
          onChange={(value) => {
            onKindChange(value);
          }}
          data={[
            { value: 'point', label: t('sites.point') },
            { value: 'polygon', label: t('sites.polygon') },
          ]}
        />
        <Text size="sm" c="dimmed" mt={4}>
          {kind === 'point' ? t('sites.pointHint') : t('sites.polygonHint')}
        </Text>
        <Text size="sm" mt={4} data-testid="site-geometry">
          {formatValue('geometry', geometry, lang)}
        </Text>
        {formState.errors.geometry && (
          <Text size="sm" c="red" role="alert">
            {formState.errors.geometry.message ?? t('sites.geometryMissing')}
          </Text>
        )}
      </div>
    </Stack>
  );
}

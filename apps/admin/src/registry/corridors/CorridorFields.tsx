import { confidenceLevels, corridorModes, threats } from '@atlas/domain';
import { Checkbox, MultiSelect, Select, Stack, Textarea, TextInput, Group } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { codeOptions } from '../shared/codes';
import type { CorridorForm } from './corridor-form';

export function CorridorFields() {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const { register, control, formState } = useFormContext<CorridorForm>();
  const { errors } = formState;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('fields.name')}
        withAsterisk
        {...register('name')}
        error={errors.name?.message}
      />
      <Group grow>
        <Controller
          name="mode"
          control={control}
          render={({ field, fieldState }) => (
            <Select
              label={t('fields.mode')}
              data={codeOptions(corridorModes, lang)}
              value={field.value}
              onChange={field.onChange}
              ref={field.ref}
              error={fieldState.error?.message}
              withAsterisk
            />
          )}
        />
        <Controller
          name="confidence"
          control={control}
          render={({ field, fieldState }) => (
            <Select
              label={t('fields.confidence')}
              data={codeOptions(confidenceLevels, lang)}
              value={field.value}
              onChange={field.onChange}
              ref={field.ref}
              error={fieldState.error?.message}
              withAsterisk
            />
          )}
        />
      </Group>
      <Controller
        name="threats"
        control={control}
        render={({ field, fieldState }) => (
          <MultiSelect
            label={t('fields.threats')}
            data={codeOptions(threats, lang)}
            value={field.value}
            onChange={field.onChange}
            ref={field.ref}
            error={fieldState.error?.message}
            withAsterisk
          />
        )}
      />
      <TextInput
        label={t('fields.source')}
        withAsterisk
        {...register('source')}
        error={errors.source?.message}
      />
      <Group grow>
        <TextInput
          type="date"
          label={t('fields.validFrom')}
          withAsterisk
          {...register('validFrom')}
          error={errors.validFrom?.message}
        />
        <TextInput
          type="date"
          label={t('fields.validTo')}
          {...register('validTo')}
          error={errors.validTo?.message}
        />
      </Group>
      <Textarea label={t('fields.description')} autosize minRows={2} {...register('description')} />
      <Checkbox label={t('fields.illustrative')} {...register('illustrative')} />
    </Stack>
  );
}

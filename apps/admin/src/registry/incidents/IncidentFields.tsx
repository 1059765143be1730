import { countries, incidentKinds, threats } from '@atlas/domain';
import { Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { codeOptions } from '../shared/codes';
import type { IncidentForm } from './incident-form';

export function IncidentFields() {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const { register, control, formState } = useFormContext<IncidentForm>();
  const { errors } = formState;
  const code = (
    name: 'kind' | 'country' | 'threat',
    list: Parameters<typeof codeOptions>[0],
    required: boolean,
  ) => (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Select
          label={t(`fields.${name}`)}
          data={codeOptions(list, lang)}
          value={field.value}
          onChange={field.onChange}
          ref={field.ref}
          error={fieldState.error?.message}
          withAsterisk={required}
          clearable={!required}
        />
      )}
    />
  );
  return (
    <Stack gap="sm">
      <Group grow>
        {code('kind', incidentKinds, true)}
        <TextInput
          type="date"
          label={t('fields.occurredOn')}
          withAsterisk
          {...register('occurredOn')}
          error={errors.occurredOn?.message}
        />
      </Group>
      <Group grow>
        {code('country', countries, true)}
        {code('threat', threats, false)}
      </Group>
      <Group grow>
        <Controller
          name="quantity"
          control={control}
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('fields.quantity')}
              value={field.value}
              onChange={(value) => {
                field.onChange(typeof value === 'number' ? value : '');
              }}
              min={0}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput label={t('fields.unit')} {...register('unit')} error={errors.unit?.message} />
      </Group>
      <TextInput
        label={t('fields.source')}
        withAsterisk
        {...register('source')}
        error={errors.source?.message}
      />
      <Textarea label={t('fields.description')} autosize minRows={2} {...register('description')} />
      <Checkbox label={t('fields.illustrative')} {...register('illustrative')} />
    </Stack>
  );
}

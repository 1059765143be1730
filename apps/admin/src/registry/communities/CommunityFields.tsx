import { countries } from '@atlas/domain';
import { Checkbox, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { codeOptions } from '../shared/codes';
import type { CommunityForm } from './community-form';

const NUMBERS = [
  { name: 'population', min: 0, decimals: false },
  { name: 'homicideRate', min: 0, decimals: true },
  { name: 'year', min: 1900, decimals: false },
] as const;

export function CommunityFields() {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const { register, control, formState } = useFormContext<CommunityForm>();
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
          name="country"
          control={control}
          render={({ field, fieldState }) => (
            <Select
              label={t('fields.country')}
              data={codeOptions(countries, lang)}
              value={field.value}
              onChange={field.onChange}
              ref={field.ref}
              error={fieldState.error?.message}
              withAsterisk
            />
          )}
        />
        <TextInput
          label={t('fields.department')}
          description={t('communities.departmentHint')}
          {...register('department')}
          error={errors.department?.message}
        />
      </Group>
      <Group grow>
        {NUMBERS.map(({ name, min, decimals }) => (
          <Controller
            key={name}
            name={name}
            control={control}
            render={({ field, fieldState }) => (
              <NumberInput
                label={t(`fields.${name}`)}
                value={field.value}
                onChange={(value) => {
                  field.onChange(typeof value === 'number' ? value : '');
                }}
                onBlur={field.onBlur}
                min={min}
                allowDecimal={decimals}
                error={fieldState.error?.message}
                withAsterisk
              />
            )}
          />
        ))}
      </Group>
      <TextInput
        label={t('fields.source')}
        withAsterisk
        {...register('source')}
        error={errors.source?.message}
      />
      <Checkbox label={t('fields.illustrative')} {...register('illustrative')} />
    </Stack>
  );
}

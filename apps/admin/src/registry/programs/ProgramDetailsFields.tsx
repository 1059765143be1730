import {
  agencies,
  countries,
  goals,
  programLines,
  programStatuses,
  type CountryCode,
} from '@atlas/domain';
import {
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { codeOptions } from '../shared/codes';
import type { ProgramForm } from './program-form';

interface ProgramDetailsFieldsProps {
  /** The countries the user may choose (their scope); null = all. */
  scope: readonly CountryCode[] | null;
}

/** Title, summary (EN/ES), line, goals, countries, agency, partners, status, dates, source. */
export function ProgramDetailsFields({ scope }: ProgramDetailsFieldsProps) {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ProgramForm>();

  const select = (name: 'line' | 'agency' | 'status', list: Parameters<typeof codeOptions>[0]) => (
    <Controller
      name={name}
      control={control}
      render={({ field, fieldState }) => (
        <Select
          label={t(`fields.${name}`)}
          data={codeOptions(list, lang)}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldState.error?.message}
          withAsterisk
          searchable
        />
      )}
    />
  );

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <TextInput
          label={t('fields.code')}
          description={t('programs.codeHint')}
          withAsterisk
          {...register('code')}
          error={errors.code?.message}
        />
        <Controller
          name="countries"
          control={control}
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('fields.countries')}
              data={codeOptions(countries, lang, (code) => scope === null || scope.includes(code))}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
              withAsterisk
              searchable
            />
          )}
        />
        <TextInput
          label={t('fields.title')}
          withAsterisk
          {...register('title')}
          error={errors.title?.message}
        />
        <TextInput
          label={t('fields.titleEs')}
          withAsterisk
          {...register('titleEs')}
          error={errors.titleEs?.message}
        />
        <Textarea
          label={t('fields.summary')}
          withAsterisk
          autosize
          minRows={3}
          {...register('summary')}
          error={errors.summary?.message}
        />
        <Textarea
          label={t('fields.summaryEs')}
          withAsterisk
          autosize
          minRows={3}
          {...register('summaryEs')}
          error={errors.summaryEs?.message}
        />
        {select('line', programLines)}
        <Controller
          name="goals"
          control={control}
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('fields.goals')}
              data={codeOptions(goals, lang)}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
              withAsterisk
            />
          )}
        />
        {select('agency', agencies)}
        {select('status', programStatuses)}
        <TextInput
          type="date"
          label={t('fields.startDate')}
          withAsterisk
          {...register('startDate')}
          error={errors.startDate?.message}
        />
        <TextInput
          type="date"
          label={t('fields.endDate')}
          {...register('endDate')}
          error={errors.endDate?.message}
        />
        <Controller
          name="partners"
          control={control}
          render={({ field, fieldState }) => (
            <TagsInput
              label={t('fields.partners')}
              description={t('programs.partnersHint')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label={t('fields.source')}
          {...register('source')}
          error={errors.source?.message}
        />
      </SimpleGrid>
      <Group mt="md">
        <Checkbox label={t('fields.illustrative')} {...register('illustrative')} />
      </Group>
    </>
  );
}

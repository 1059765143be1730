import { ActionIcon, Button, NumberInput, Table, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProgramForm } from './program-form';

const NUMBER_FIELDS = ['baseline', 'target', 'actual'] as const;
const TEXT_FIELDS = ['code', 'name', 'unit'] as const;

/** The program's indicators: code, name, unit, baseline, target and (once known) actual. */
export function IndicatorsFields({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('registry');
  const { control, register, formState } = useFormContext<ProgramForm>();
  const { fields, append, remove } = useFieldArray({ control, name: 'indicators' });
  const errors = formState.errors.indicators;

  return (
    <>
      <Table withTableBorder aria-label={t('indicators.title')}>
        <Table.Thead>
          <Table.Tr>
            {[...TEXT_FIELDS, ...NUMBER_FIELDS].map((name) => (
              <Table.Th key={name}>{t(`indicators.${name}`)}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((field, index) => (
            <Table.Tr key={field.id}>
              {TEXT_FIELDS.map((name) => (
                <Table.Td key={name}>
                  <TextInput
                    aria-label={`${t(`indicators.${name}`)} ${index + 1}`}
                    {...register(`indicators.${index}.${name}`)}
                    error={errors?.[index]?.[name]?.message}
                  />
                </Table.Td>
              ))}
              {NUMBER_FIELDS.map((name) => (
                <Table.Td key={name}>
                  <Controller
                    control={control}
                    name={`indicators.${index}.${name}`}
                    render={({ field: input, fieldState }) => (
                      <NumberInput
                        aria-label={`${t(`indicators.${name}`)} ${index + 1}`}
                        value={input.value}
                        onChange={(value) => {
                          input.onChange(typeof value === 'number' ? value : '');
                        }}
                        onBlur={input.onBlur}
                        min={0}
                        error={fieldState.error?.message}
                        w={110}
                      />
                    )}
                  />
                </Table.Td>
              ))}
              <Table.Td>
                {!disabled && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('indicators.remove', { index: index + 1 })}
                    onClick={() => {
                      remove(index);
                    }}
                  >
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!disabled && (
        <Button
          variant="light"
          mt="md"
          onClick={() => {
            append({ code: '', name: '', unit: '', baseline: 0, target: '', actual: '' });
          }}
        >
          {t('indicators.add')}
        </Button>
      )}
    </>
  );
}

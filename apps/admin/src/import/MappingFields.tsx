import { Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from './messages';

interface MappingFieldsProps {
  targets: string[];
  /** The file's columns ([] when they could not be read in the browser). */
  columns: string[];
  mapping: Record<string, string>;
  onChange: (target: string, column: string | null) => void;
  rememberedFrom: string | null;
  disabled: boolean;
}

/** One labelled select per field: which column of the file feeds it (empty: automatic). */
export function MappingFields({
  targets,
  columns,
  mapping,
  onChange,
  rememberedFrom,
  disabled,
}: MappingFieldsProps) {
  const { t } = useTranslation('import');
  // A remembered or returned column stays choosable even when the header was not read here.
  const options = [...new Set([...columns, ...Object.values(mapping)])];
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-mapping-title">
      <Title order={3} size="h5" id="import-mapping-title">
        {t('mapping.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('mapping.hint')}
      </Text>
      {rememberedFrom && (
        <Text size="sm" data-testid="mapping-remembered">
          {t('mapping.remembered', { source: rememberedFrom })}
        </Text>
      )}
      {columns.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('mapping.noColumns')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs" data-testid="import-mapping">
        {targets.map((target) => (
          <Select
            key={target}
            label={fieldLabel(target, t)}
            placeholder={t('mapping.none')}
            data={options}
            value={mapping[target] ?? null}
            onChange={(column) => {
              onChange(target, column);
            }}
            clearable
            searchable
            disabled={disabled}
            data-target={target}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

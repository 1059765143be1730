// The shared filters: one set narrows the map, the program list, the charts and the exports.
import {
  agencies,
  countries,
  goals,
  label,
  programLines,
  programStatuses,
  type CodeEntry,
} from '@atlas/domain';
import { Button, Group, MultiSelect, NumberInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { EMPTY_FILTERS, hasFilters, type ViewFilters } from '../view/view-state';

interface FilterPanelProps {
  filters: ViewFilters;
  onChange: (filters: ViewFilters) => void;
}

const FY_MIN = 2008; // CARSI began in fiscal year 2008
const FY_MAX = 2035;

export function FilterPanel({ filters, onChange }: FilterPanelProps) {
  const { t } = useTranslation('analyst');
  const lang = useLang();
  const options = <Code extends string | number>(list: readonly CodeEntry<Code>[]) =>
    list.map((entry) => ({ value: String(entry.code), label: label(list, entry.code, lang) }));
  const set = (change: Partial<ViewFilters>) => {
    onChange({ ...filters, ...change });
  };
  const multi = (
    key: 'country' | 'line' | 'agency' | 'status',
    list: readonly CodeEntry<string>[],
  ) => (
    <MultiSelect
      size="xs"
      label={t(`filters.${key}`)}
      data={options(list)}
      value={filters[key].map(String)}
      onChange={(values) => {
        set({ [key]: values });
      }}
      clearable
      searchable
      data-testid={`filter-${key}`}
    />
  );
  const year = (value: string | number) => (typeof value === 'number' ? value : null);

  return (
    <Stack gap="xs" data-testid="filter-panel">
      {multi('country', countries)}
      {multi('line', programLines)}
      <MultiSelect
        size="xs"
        label={t('filters.goal')}
        data={options(goals)}
        value={filters.goal.map(String)}
        onChange={(values) => {
          set({ goal: values.map(Number) as ViewFilters['goal'] });
        }}
        clearable
        data-testid="filter-goal"
      />
      {multi('agency', agencies)}
      {multi('status', programStatuses)}
      <Group grow gap="xs">
        <NumberInput
          size="xs"
          label={t('filters.fyFrom')}
          min={FY_MIN}
          max={FY_MAX}
          value={filters.fyFrom ?? ''}
          onChange={(value) => {
            set({ fyFrom: year(value) });
          }}
          data-testid="filter-fyFrom"
        />
        <NumberInput
          size="xs"
          label={t('filters.fyTo')}
          min={FY_MIN}
          max={FY_MAX}
          value={filters.fyTo ?? ''}
          onChange={(value) => {
            set({ fyTo: year(value) });
          }}
          data-testid="filter-fyTo"
        />
      </Group>
      <Button
        size="compact-xs"
        variant="subtle"
        disabled={!hasFilters(filters)}
        onClick={() => {
          onChange(EMPTY_FILTERS);
        }}
      >
        {t('filters.clear')}
      </Button>
    </Stack>
  );
}

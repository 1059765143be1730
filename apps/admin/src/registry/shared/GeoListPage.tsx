// The list page of a geometry collection: filters (kept in the URL), a sortable paged table,
// and "New" for those who may edit.
import type { CodeEntry } from '@atlas/domain';
import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFeatureList } from '../../api/features';
import type { Collection } from '../../api/records';
import { useSession } from '../../api/session';
import { useLang } from '../../i18n/language';
import { codeOptions } from './codes';
import { useListParams } from './list-params';
import { ListTable, type Column } from './ListTable';

export type FilterSpec =
  | { key: string; labelKey: string; type: 'code'; list: readonly CodeEntry[] }
  | { key: string; labelKey: string; type: 'number' | 'date' | 'text' };

export interface GeoListConfig<P extends { id: string }> {
  collection: Collection;
  path: string;
  titleKey: string;
  newKey: string;
  defaultSort: string;
  filters: FilterSpec[];
  /** Columns; the first links to the record. */
  columns: (lang: 'en' | 'es', t: (key: string) => string) => Column<P>[];
}

export function GeoListPage<P extends { id: string }>({ config }: { config: GeoListConfig<P> }) {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const session = useSession();
  const params = useListParams(
    config.filters.map((filter) => filter.key),
    config.defaultSort,
  );
  const list = useFeatureList<P>(config.collection, params.query);
  const [first, ...rest] = config.columns(lang, t);
  const columns: Column<P>[] = first
    ? [
        {
          ...first,
          render: (row) => (
            <Anchor component={Link} to={`${config.path}/${row.id}`} fw={600}>
              {first.render(row)}
            </Anchor>
          ),
        },
        ...rest,
      ]
    : [];

  return (
    <Stack p="md" gap="md">
      <Group justify="space-between">
        <Title order={2}>{t(config.titleKey)}</Title>
        {session.canEdit && (
          <Button component={Link} to={`${config.path}/new`}>
            {t(config.newKey)}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('filters')}>
        {config.filters.map((filter) => {
          const value = params.filters[filter.key] ?? null;
          const label = t(filter.labelKey);
          if (filter.type === 'code') {
            return (
              <Select
                key={filter.key}
                label={label}
                data={codeOptions(filter.list, lang)}
                value={value}
                onChange={(next) => {
                  params.set(filter.key, next);
                }}
                clearable
                w={180}
              />
            );
          }
          if (filter.type === 'number') {
            return (
              <NumberInput
                key={filter.key}
                label={label}
                value={value ?? ''}
                onChange={(next) => {
                  params.set(filter.key, next === '' ? null : String(next));
                }}
                min={0}
                w={150}
              />
            );
          }
          return (
            <TextInput
              key={filter.key}
              label={label}
              type={filter.type === 'date' ? 'date' : 'text'}
              value={value ?? ''}
              onChange={(event) => {
                params.set(filter.key, event.currentTarget.value || null);
              }}
              w={170}
            />
          );
        })}
        <Button variant="subtle" onClick={params.clear}>
          {t('common:actions.clear')}
        </Button>
      </Group>
      {list.error && (
        <Alert color="red" role="alert" title={t('common:errors.loadFailed')}>
          {list.error.message}
        </Alert>
      )}
      <ListTable
        label={t(config.titleKey)}
        columns={columns}
        rows={list.data?.features.map((feature) => feature.properties) ?? []}
        rowKey={(row) => row.id}
        total={list.data?.numberMatched}
        params={params}
        loading={list.isFetching}
      />
    </Stack>
  );
}

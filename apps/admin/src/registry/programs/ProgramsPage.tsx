import {
  agencies,
  countries,
  fundingAccounts,
  goals,
  label,
  programLines,
  programStatuses,
  type CodeEntry,
} from '@atlas/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePrograms, type ProgramSummary } from '../../api/programs';
import { useSession } from '../../api/session';
import { useLang } from '../../i18n/language';
import { codeOptions } from '../shared/codes';
import { formatMoney } from '../shared/format-value';
import { useListParams } from '../shared/list-params';
import { ListTable, type Column } from '../shared/ListTable';

const FILTERS = ['q', 'country', 'line', 'goal', 'status', 'agency', 'account', 'fyFrom', 'fyTo'];

/** The program registry: filters, search, sort and paging, all kept in the URL. */
export function ProgramsPage() {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const session = useSession();
  const params = useListParams(FILTERS, 'code');
  const programs = usePrograms(params.query);
  const [search, setSearch] = useState(params.filters.q ?? '');

  // Typing searches after a short pause, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((params.filters.q ?? '') !== search.trim()) params.set('q', search.trim() || null);
    }, 350);
    return () => {
      clearTimeout(timer);
    };
  }, [search, params]);

  const select = (key: string, list: readonly CodeEntry[], labelKey: string) => (
    <Select
      key={key}
      label={t(labelKey)}
      data={codeOptions(list, lang)}
      value={params.filters[key] ?? null}
      onChange={(value) => {
        params.set(key, value);
      }}
      clearable
      searchable
      w={170}
    />
  );
  const year = (key: string, labelKey: string) => (
    <NumberInput
      key={key}
      label={t(labelKey)}
      value={params.filters[key] ?? ''}
      onChange={(value) => {
        params.set(key, value === '' ? null : String(value));
      }}
      min={2000}
      max={2100}
      w={110}
    />
  );

  const columns: Column<ProgramSummary>[] = [
    {
      key: 'code',
      label: t('fields.code'),
      sortKey: 'code',
      render: (program) => (
        <Anchor
          component={Link}
          to={`/programs/${program.id}`}
          fw={600}
          style={{ whiteSpace: 'nowrap' }}
        >
          {program.code}
        </Anchor>
      ),
    },
    {
      key: 'title',
      label: t('fields.title'),
      sortKey: 'title',
      render: (program) => (lang === 'es' ? program.titleEs : program.title),
    },
    {
      key: 'line',
      label: t('fields.line'),
      sortKey: 'line',
      render: (program) => label(programLines, program.line, lang),
    },
    {
      key: 'countries',
      label: t('fields.countries'),
      render: (program) => program.countries.join(', '),
    },
    { key: 'agency', label: t('fields.agency'), sortKey: 'agency', render: (p) => p.agency },
    {
      key: 'status',
      label: t('fields.status'),
      sortKey: 'status',
      render: (program) => (
        // Never cut short ("COMP…"): the badge keeps its word and the column widens.
        <Badge
          variant="light"
          style={{ overflow: 'visible' }}
          styles={{ label: { overflow: 'visible' } }}
        >
          {label(programStatuses, program.status, lang)}
        </Badge>
      ),
    },
    {
      key: 'startDate',
      label: t('fields.startDate'),
      sortKey: 'startDate',
      render: (p) => p.startDate,
    },
    {
      key: 'committed',
      label: t('stages.committed'),
      render: (program) => formatMoney(program.totals.committed, lang),
    },
  ];

  return (
    <Stack p="md" gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('programs.title')}</Title>
        {session.canEdit && (
          <Button component={Link} to="/programs/new">
            {t('programs.new')}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('filters')}>
        <TextInput
          label={t('common:actions.search')}
          placeholder={t('programs.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
          }}
          w={240}
        />
        {select('country', countries, 'fields.countries')}
        {select('line', programLines, 'fields.line')}
        {select('goal', goals, 'fields.goals')}
        {select('status', programStatuses, 'fields.status')}
        {select('agency', agencies, 'fields.agency')}
        {select('account', fundingAccounts, 'funding.account')}
        {year('fyFrom', 'programs.fyFrom')}
        {year('fyTo', 'programs.fyTo')}
        <Button
          variant="subtle"
          onClick={() => {
            setSearch('');
            params.clear();
          }}
        >
          {t('common:actions.clear')}
        </Button>
      </Group>
      {programs.error && (
        <Alert color="red" role="alert" title={t('common:errors.loadFailed')}>
          {programs.error.message}
        </Alert>
      )}
      <ListTable
        label={t('programs.title')}
        columns={columns}
        rows={programs.data?.items ?? []}
        rowKey={(program) => program.id}
        total={programs.data?.total}
        params={params}
        loading={programs.isFetching}
      />
    </Stack>
  );
}

import { Group, Pagination, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListParams } from './list-params';

export interface Column<Row> {
  key: string;
  label: string;
  /** The API sort key, when the column sorts. */
  sortKey?: string;
  render: (row: Row) => ReactNode;
}

interface ListTableProps<Row> {
  label: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  total: number | undefined;
  params: ListParams;
  loading: boolean;
}

/** A sortable, paged table of records; the sort and page live in the URL (ListParams). */
export function ListTable<Row>({
  label,
  columns,
  rows,
  rowKey,
  total,
  params,
  loading,
}: ListTableProps<Row>) {
  const { t } = useTranslation();
  const pages = total === undefined ? 1 : Math.max(1, Math.ceil(total / params.pageSize));
  const sortState = (sortKey: string | undefined) => {
    if (!sortKey) return undefined;
    if (params.sort === sortKey) return 'ascending' as const;
    if (params.sort === `-${sortKey}`) return 'descending' as const;
    return 'none' as const;
  };

  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table
          striped
          highlightOnHover
          aria-label={label}
          aria-busy={loading}
          data-testid="list-table"
        >
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const state = sortState(column.sortKey);
                const sortKey = column.sortKey;
                return (
                  <Table.Th key={column.key} aria-sort={state}>
                    {sortKey ? (
                      <UnstyledButton
                        onClick={() => {
                          params.setSort(sortKey);
                        }}
                        aria-label={t('table.sortBy', { column: column.label })}
                        fw={700}
                        fz="sm"
                      >
                        {column.label}
                        {state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ''}
                      </UnstyledButton>
                    ) : (
                      column.label
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key}>{column.render(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!loading && rows.length === 0 && (
        <Text c="dimmed" ta="center" p="lg">
          {t('table.empty')}
        </Text>
      )}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" data-testid="list-total">
          {total !== undefined && t('table.total', { count: total })}
        </Text>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={params.page}
            onChange={params.setPage}
            getControlProps={(control) => ({ 'aria-label': `${t('table.page')} ${control}` })}
            getItemProps={(page) => ({ 'aria-label': `${t('table.page')} ${page}` })}
          />
        )}
      </Group>
    </>
  );
}

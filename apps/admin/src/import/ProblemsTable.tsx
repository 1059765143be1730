import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RowProblem } from './import-api';
import { fieldLabel, translateProblem } from './messages';

/** Every problem of the report: row, field (as the forms name it) and why, in the user's language. */
export function ProblemsTable({ problems }: { problems: RowProblem[] }) {
  const { t } = useTranslation('import');
  return (
    <Table.ScrollContainer minWidth={480} maxHeight={420}>
      <Table striped stickyHeader aria-label={t('report.table')} data-testid="import-problems">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('report.row')}</Table.Th>
            <Table.Th scope="col">{t('report.field')}</Table.Th>
            <Table.Th scope="col">{t('report.message')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((problem, index) => (
            <Table.Tr key={`${problem.row}-${problem.field}-${index}`}>
              <Table.Td>{problem.row}</Table.Td>
              <Table.Td>{fieldLabel(problem.field, t)}</Table.Td>
              <Table.Td>{translateProblem(problem.message, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import {
  fiscalYearOf,
  fundingAccounts,
  fundingStages,
  type FundingAccount,
  type FundingRow,
  type FundingStage,
} from '@atlas/domain';
import { ActionIcon, Button, Group, NumberInput, Select, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/language';
import { codeFromValue, codeOptions } from '../shared/codes';
import { formatMoney } from '../shared/format-value';

interface FundingGridProps {
  value: FundingRow[];
  onChange: (rows: FundingRow[]) => void;
  errors: FieldErrors<FundingRow>[] | undefined;
  disabled: boolean;
}

interface GridLine {
  fiscalYear: number;
  account: FundingAccount;
}

const lineKey = (line: GridLine) => `${line.fiscalYear}|${line.account}`;

/**
 * Funding as a grid: one line per fiscal year and account, one column per stage, totals below.
 * The value stays the flat list of rows the API takes (one row per filled cell), so the API's
 * field errors (`/funding/3/amountUsd`) land on the right cell.
 */
export function FundingGrid({ value, onChange, errors, disabled }: FundingGridProps) {
  const { t } = useTranslation('registry');
  const lang = useLang();
  const [added, setAdded] = useState<GridLine[]>([]);
  const [newYear, setNewYear] = useState<number | string>(fiscalYearOf(new Date()));
  const [newAccount, setNewAccount] = useState<string | null>('INCLE');

  const lines = useMemo(() => {
    const byKey = new Map<string, GridLine>();
    for (const line of [...value, ...added]) {
      byKey.set(lineKey(line), { fiscalYear: line.fiscalYear, account: line.account });
    }
    return [...byKey.values()].sort(
      (a, b) => a.fiscalYear - b.fiscalYear || a.account.localeCompare(b.account),
    );
  }, [value, added]);

  const totals = useMemo(() => {
    const sums = { committed: 0, obligated: 0, disbursed: 0 } as Record<FundingStage, number>;
    for (const row of value) sums[row.stage] += row.amountUsd;
    return sums;
  }, [value]);

  const indexOf = (line: GridLine, stage: FundingStage) =>
    value.findIndex(
      (row) =>
        row.fiscalYear === line.fiscalYear && row.account === line.account && row.stage === stage,
    );

  function setCell(line: GridLine, stage: FundingStage, amount: number | string) {
    const index = indexOf(line, stage);
    if (amount === '' || typeof amount !== 'number') {
      if (index >= 0) onChange(value.filter((_, i) => i !== index));
      return;
    }
    const row: FundingRow = { ...line, stage, amountUsd: amount };
    onChange(index >= 0 ? value.map((old, i) => (i === index ? row : old)) : [...value, row]);
  }

  function removeLine(line: GridLine) {
    onChange(value.filter((row) => lineKey(row) !== lineKey(line)));
    setAdded(added.filter((other) => lineKey(other) !== lineKey(line)));
  }

  function addLine() {
    const account = codeFromValue(fundingAccounts, newAccount);
    if (typeof newYear !== 'number' || !account) return;
    setAdded([...added, { fiscalYear: newYear, account }]);
  }

  const stageLabel = (stage: FundingStage) =>
    fundingStages.find((entry) => entry.code === stage)?.[lang] ?? stage;

  return (
    <>
      <Table withTableBorder aria-label={t('funding.title')} data-testid="funding-grid">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('funding.fiscalYear')}</Table.Th>
            <Table.Th>{t('funding.account')}</Table.Th>
            {fundingStages.map((stage) => (
              <Table.Th key={stage.code}>{stage[lang]}</Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={lineKey(line)}>
              <Table.Td>FY{line.fiscalYear}</Table.Td>
              <Table.Td>{line.account}</Table.Td>
              {fundingStages.map(({ code: stage }) => {
                const index = indexOf(line, stage);
                return (
                  <Table.Td key={stage}>
                    <NumberInput
                      aria-label={t('funding.cell', {
                        year: line.fiscalYear,
                        account: line.account,
                        stage: stageLabel(stage),
                      })}
                      value={index >= 0 ? value[index]?.amountUsd : ''}
                      onChange={(amount) => {
                        setCell(line, stage, amount);
                      }}
                      min={0}
                      allowDecimal={false}
                      allowNegative={false}
                      thousandSeparator=","
                      prefix="$"
                      disabled={disabled}
                      error={index >= 0 ? errors?.[index]?.amountUsd?.message : undefined}
                    />
                  </Table.Td>
                );
              })}
              <Table.Td>
                {!disabled && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('funding.removeLine', {
                      year: line.fiscalYear,
                      account: line.account,
                    })}
                    onClick={() => {
                      removeLine(line);
                    }}
                  >
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th colSpan={2}>{t('funding.total')}</Table.Th>
            {fundingStages.map(({ code }) => (
              <Table.Th key={code} data-testid={`funding-total-${code}`}>
                {formatMoney(totals[code], lang)}
              </Table.Th>
            ))}
            <Table.Th />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      {lines.length === 0 && (
        <Text c="dimmed" size="sm" mt="xs">
          {t('funding.empty')}
        </Text>
      )}
      {!disabled && (
        <Group align="flex-end" mt="md">
          <NumberInput
            label={t('funding.fiscalYear')}
            value={newYear}
            onChange={setNewYear}
            min={2000}
            max={2100}
            w={120}
          />
          <Select
            label={t('funding.account')}
            data={codeOptions(fundingAccounts, lang).map((option) => ({
              ...option,
              label: `${option.value} — ${option.label}`,
            }))}
            value={newAccount}
            onChange={setNewAccount}
            w={360}
          />
          <Button variant="light" onClick={addLine}>
            {t('funding.addLine')}
          </Button>
        </Group>
      )}
    </>
  );
}

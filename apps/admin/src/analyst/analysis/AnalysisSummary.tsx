// The key figures of an analysis answer, in the reader's language and units (km, %, US$).
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from './analysis-api';

type Row = [string, string];

function get(result: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      result,
    );
}

export function AnalysisSummary({ result }: { result: AnalysisResult }) {
  const { t, i18n } = useTranslation('analyst');
  const n = (value: unknown, digits = 0) =>
    typeof value === 'number'
      ? value.toLocaleString(i18n.language, { maximumFractionDigits: digits })
      : '—';
  const km = (path: string) => `${n(Number(get(result, path)) / 1000, 1)} km`;
  const usd = (path: string) => `US$ ${n(get(result, path))}`;
  const pct = (path: string) => `${n(Number(get(result, path)) * 100, 1)} %`;
  const count = (path: string) =>
    Array.isArray(get(result, path)) ? n((get(result, path) as unknown[]).length) : '—';

  const rows: Row[] = (() => {
    switch (result.analysis) {
      case 'corridor-coverage':
        return [
          ['coveredShare', pct('coveredShare')],
          ['length', km('lengthM')],
          ['covered', km('coveredM')],
          ['uncovered', km('uncoveredM')],
          ['sites', count('sites.features')],
        ];
      case 'border-crossings':
        return [
          ['crossings', n(get(result, 'counts.crossings'))],
          ['unguarded', n(get(result, 'counts.unguarded'))],
        ];
      case 'coverage-gaps':
        return [
          ['communities', n(get(result, 'counts.communities'))],
          ['gaps', n(get(result, 'counts.gaps'))],
          ['populationInGaps', n(get(result, 'population.inGaps'))],
        ];
      case 'summary':
        return [
          ['programs', n(get(result, 'programs.count'))],
          ['committed', usd('funding.totals.committed')],
          ['disbursed', usd('funding.totals.disbursed')],
          ['perAtRisk', usd('funding.perAtRiskInhabitant.committed')],
          ['corridorLength', km('corridors.totalM')],
          ['incidents', n(get(result, 'incidents.total'))],
          ['communities', n(get(result, 'communities.count'))],
        ];
      case 'area-of-interest':
        return [
          ['area', `${n(Number(get(result, 'area.areaM2')) / 1e6)} km²`],
          ['programs', count('programs')],
          ['sites', count('sites.features')],
          ['attributed', usd('funding.attributed.committed')],
          ['incidents', n(get(result, 'incidents.total'))],
          ['communities', n(get(result, 'communities.count'))],
        ];
      case 'hotspots':
        return [
          ['incidents', n(get(result, 'totals.count'))],
          ['previous', n(get(result, 'totals.previousCount'))],
          ['cells', count('cells.features')],
        ];
      case 'nearest':
        return (
          (get(result, 'results.features') as
            { properties: Record<string, unknown> }[] | undefined) ?? []
        ).map(
          ({ properties }) =>
            [String(properties.name), `${n(Number(properties.distanceM) / 1000, 1)} km`] as Row,
        );
    }
  })();

  return (
    <Table
      fz="xs"
      verticalSpacing={2}
      data-testid="analysis-result"
      data-analysis={result.analysis}
    >
      <Table.Tbody>
        {rows.map(([key, value], i) => (
          <Table.Tr key={`${key}-${i}`}>
            <Table.Th>
              {result.analysis === 'nearest' ? key : t(`analysis.figures.${key}`)}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

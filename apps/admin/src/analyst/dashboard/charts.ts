// ECharts options for the dashboard, built from plain figures (no data fetching here).
import type { EChartsCoreOption } from 'echarts/core';
import type { StageTotals } from './aggregate';

export const STAGE_COLORS = { committed: '#1d4ed8', obligated: '#0891b2', disbursed: '#16a34a' };
const STAGES = ['committed', 'obligated', 'disbursed'] as const;

const money = (locale: string) => (value: number) =>
  `US$ ${value.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 1 })}`;

/** Bars of the three funding stages for each category. */
export function stageBars(
  rows: { name: string; totals: StageTotals }[],
  stageNames: Record<(typeof STAGES)[number], string>,
  locale: string,
  horizontal = false,
): EChartsCoreOption {
  const categoryAxis = {
    type: 'category',
    data: rows.map((row) => row.name),
    axisLabel: { interval: 0 },
  };
  const valueAxis = { type: 'value', axisLabel: { formatter: money(locale) } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: money(locale) },
    legend: { top: 0 },
    grid: { left: horizontal ? 140 : 70, right: 16, top: 32, bottom: 40 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: STAGES.map((stage) => ({
      type: 'bar',
      name: stageNames[stage],
      itemStyle: { color: STAGE_COLORS[stage] },
      data: rows.map((row) => row.totals[stage]),
    })),
  };
}

export function scatter(
  points: { name: string; x: number; y: number }[],
  xName: string,
  yName: string,
  locale: string,
): EChartsCoreOption {
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { data: [number, number, string] }) =>
        `${p.data[2]}<br/>${xName}: ${p.data[0].toLocaleString(locale, { maximumFractionDigits: 1 })}<br/>${yName}: ${money(locale)(p.data[1])}`,
    },
    grid: { left: 80, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: xName, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: yName, axisLabel: { formatter: money(locale) } },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        itemStyle: { color: '#c2410c' },
        label: {
          show: true,
          position: 'right',
          formatter: (p: { data: [number, number, string] }) => p.data[2],
        },
        data: points.map((point) => [point.x, point.y, point.name]),
      },
    ],
  };
}

export function simpleBars(
  rows: { name: string; value: number }[],
  color: string,
  locale: string,
  horizontal = true,
): EChartsCoreOption {
  const categoryAxis = { type: 'category', data: rows.map((row) => row.name), inverse: horizontal };
  const valueAxis = { type: 'value' };
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1 }),
    },
    grid: { left: horizontal ? 160 : 50, right: 24, top: 16, bottom: 32 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [{ type: 'bar', itemStyle: { color }, data: rows.map((row) => row.value) }],
  };
}

// ECharts options for the dashboard, built from plain figures (no data fetching here). Long
// names (goals, lines, communities; Spanish ones are longer still) never overlap: axis labels
// are wrapped or cut to a width with the whole name in the tooltip, crowded category axes are
// tilted, and the grid keeps every label inside the chart (outerBounds, ECharts 6's containLabel).
import type { EChartsCoreOption } from 'echarts/core';
import type { StageTotals } from './aggregate';

export const STAGE_COLORS = { committed: '#1d4ed8', obligated: '#0891b2', disbursed: '#16a34a' };
const STAGES = ['committed', 'obligated', 'disbursed'] as const;

export interface CategoryRow {
  /** The label on the axis (may be a short form). */
  name: string;
  /** The whole name, shown in the tooltip (default: `name`). */
  fullName?: string;
}

const money = (locale: string) => (value: number) =>
  `US$ ${value.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 1 })}`;

const compact = (locale: string) => (value: number) =>
  value.toLocaleString(locale, { notation: 'compact', maximumFractionDigits: 1 });

/** Axis ticks in dollars, short enough that several fit a narrow chart (`$3 M`). */
const dollarTicks = (locale: string) => (value: number) => `$${compact(locale)(value)}`;

/** How many values the chart draws (non-zero data points over its series), for tests and tools. */
export function dataPoints(option: EChartsCoreOption): number {
  const series = (option.series ?? []) as { data?: unknown[] }[];
  return series.reduce(
    (sum, { data = [] }) =>
      sum +
      data.filter((value) => (typeof value === 'number' ? value !== 0 : value != null)).length,
    0,
  );
}

/** The grid holds the axis labels (and names) within its box, whatever their length. */
const grid = (top: number, contain: 'axisLabel' | 'all' = 'axisLabel') => ({
  left: 8,
  right: 24,
  top,
  bottom: 8,
  outerBoundsMode: 'same',
  outerBoundsContain: contain,
});

/** A category axis whose labels stay readable: wrapped, cut or tilted as room allows. */
function categoryAxis(rows: readonly CategoryRow[], horizontal: boolean, labelWidth: number) {
  const crowded = !horizontal && rows.length > 4;
  return {
    type: 'category',
    data: rows.map((row) => row.name),
    // Horizontal charts list the first (largest) row at the top.
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: {
      interval: 0,
      width: horizontal ? labelWidth : crowded ? 90 : labelWidth,
      // Few rows leave room to wrap a name over lines; many rows get one cut line each.
      overflow: horizontal && rows.length <= 6 ? 'break' : 'truncate',
      ellipsis: '…',
      rotate: crowded ? 35 : 0,
      lineHeight: 14,
    },
  };
}

/** The tooltip's heading: the whole name of the hovered category. */
function tooltipTitle(rows: readonly CategoryRow[], index: number): string {
  const row = rows[index];
  return escapeHtml(row?.fullName ?? row?.name ?? '');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface AxisTooltipParam {
  dataIndex: number;
  marker: string;
  seriesName: string;
  value: number;
}

function axisTooltip(rows: readonly CategoryRow[], format: (value: number) => string) {
  return {
    trigger: 'axis',
    axisPointer: { type: 'shadow' },
    formatter: (params: AxisTooltipParam[]) =>
      [
        `<b>${tooltipTitle(rows, params[0]?.dataIndex ?? 0)}</b>`,
        ...params.map(
          (p) =>
            `${p.marker}${p.seriesName ? `${escapeHtml(p.seriesName)}: ` : ''}${format(p.value)}`,
        ),
      ].join('<br/>'),
  };
}

/** Bars of the three funding stages for each category. */
export function stageBars(
  rows: (CategoryRow & { totals: StageTotals })[],
  stageNames: Record<(typeof STAGES)[number], string>,
  locale: string,
  options: { horizontal?: boolean; labelWidth?: number } = {},
): EChartsCoreOption {
  const horizontal = options.horizontal ?? false;
  const valueAxis = {
    type: 'value',
    splitNumber: horizontal ? 3 : 5,
    axisLabel: { formatter: dollarTicks(locale), hideOverlap: true },
  };
  return {
    tooltip: axisTooltip(rows, money(locale)),
    // One scrolling line, so the legend never runs into the bars.
    legend: { type: 'scroll', top: 0 },
    grid: grid(36),
    xAxis: horizontal ? valueAxis : categoryAxis(rows, false, options.labelWidth ?? 90),
    yAxis: horizontal ? categoryAxis(rows, true, options.labelWidth ?? 140) : valueAxis,
    series: STAGES.map((stage) => ({
      type: 'bar',
      name: stageNames[stage],
      itemStyle: { color: STAGE_COLORS[stage] },
      barMaxWidth: 28,
      data: rows.map((row) => row.totals[stage]),
    })),
  };
}

/** One colour per country in the scatter (its legend names them). */
const POINT_COLORS = [
  '#c2410c',
  '#1d4ed8',
  '#15803d',
  '#7c3aed',
  '#be123c',
  '#0e7490',
  '#a16207',
  '#475569',
  '#db2777',
];

/**
 * One point per country. Countries with close figures would print their names over each other,
 * so each is its own series, named in the legend and the tooltip rather than beside the point.
 */
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
        `<b>${escapeHtml(p.data[2])}</b><br/>${escapeHtml(xName)}: ${p.data[0].toLocaleString(locale, { maximumFractionDigits: 1 })}<br/>${escapeHtml(yName)}: ${money(locale)(p.data[1])}`,
    },
    // The countries listed beside the plot, every one in view.
    legend: { orient: 'vertical', right: 0, top: 'middle', itemGap: 6 },
    grid: { ...grid(28, 'all'), right: 110 },
    xAxis: {
      type: 'value',
      name: xName,
      nameLocation: 'middle',
      nameGap: 28,
      scale: true,
      boundaryGap: ['5%', '5%'],
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      // Above the axis, read across: beside it, the name would meet long tick labels.
      name: yName,
      nameLocation: 'end',
      nameGap: 10,
      nameTextStyle: { align: 'left' },
      scale: true,
      boundaryGap: ['5%', '10%'],
      axisLabel: { formatter: money(locale), hideOverlap: true },
    },
    series: points.map((point, i) => ({
      type: 'scatter',
      name: point.name,
      symbolSize: 14,
      itemStyle: { color: POINT_COLORS[i % POINT_COLORS.length] },
      data: [[point.x, point.y, point.name]],
    })),
  };
}

export function simpleBars(
  rows: (CategoryRow & { value: number })[],
  color: string,
  locale: string,
  labelWidth = 170,
): EChartsCoreOption {
  return {
    tooltip: axisTooltip(rows, compact(locale)),
    grid: grid(16),
    xAxis: {
      type: 'value',
      splitNumber: 3,
      axisLabel: { formatter: compact(locale), hideOverlap: true },
    },
    yAxis: categoryAxis(rows, true, labelWidth),
    series: [
      { type: 'bar', itemStyle: { color }, barMaxWidth: 28, data: rows.map((row) => row.value) },
    ],
  };
}

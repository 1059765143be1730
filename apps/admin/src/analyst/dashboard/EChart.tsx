// A thin wrapper over echarts-for-react's core build: only the charts and components used here
// are registered, so the bundle carries a fraction of ECharts. Only the dashboard imports this
// module, and vite.config.ts gives ECharts its own chunk: it loads with the dashboard, not the app.
import { BarChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
// The ES module build: the CommonJS one (lib/) arrives as `{ default }` in the bundle.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { dataPoints } from './charts';

echarts.use([
  AriaComponent,
  BarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  option: EChartsCoreOption;
  /** The chart's accessible name (the canvas has an aria-label built from it). */
  label: string;
  testId: string;
  height?: number;
}

export function EChart({ option, label, testId, height = 280 }: EChartProps) {
  return (
    <div role="img" aria-label={label} data-testid={testId} data-points={dataPoints(option)}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: true, label: { description: label } }, ...option }}
        notMerge
        style={{ height }}
      />
    </div>
  );
}

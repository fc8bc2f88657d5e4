import { BarChart, FunnelChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  FunnelChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Whether the page is dark, so charts pick readable colours. */
function isDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  return theme === 'dark' || (!theme && matchMedia('(prefers-color-scheme: dark)').matches);
}

/**
 * One ECharts chart drawn on a canvas, resized with its box. `label` describes it for screen
 * readers; every chart on a page also has its figures in a table beside it.
 */
export function Chart({ option, label }: { option: ChartOption; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, isDark() ? 'dark' : undefined, { renderer: 'canvas' });
    chart.setOption({ backgroundColor: 'transparent', aria: { enabled: true }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={box} className="chart" aria-hidden="true" />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}

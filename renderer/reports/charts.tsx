import { useEffect, useRef } from 'react';
import { BarChart as EBar, HeatmapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the pieces the reports use, rendered as SVG so they print sharply.
echarts.use([EBar, HeatmapChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

function useChart(option: echarts.EChartsCoreOption, height: number) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(option);
  latest.current = option;
  // Redraw only when the figures change, not on every render of the report.
  const key = JSON.stringify(option);
  useEffect(() => {
    const option = latest.current;
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', height });
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [key, height]);
  return ref;
}

const FONT = { fontFamily: "'Be Vietnam Pro', sans-serif", fontSize: 13 };

/** Horizontal bars with values at their end. */
export function BarChart({ bars, testId }: { bars: { label: string; value: number }[]; testId?: string }) {
  const height = Math.max(120, bars.length * 34 + 30);
  const ref = useChart(
    {
      textStyle: FONT,
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef2f6' } } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisTick: { show: false } },
      tooltip: { trigger: 'axis' },
      series: [{ type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: '#0b4f8a', borderRadius: [0, 4, 4, 0] }, label: { show: true, position: 'right' } }],
      animation: false,
    },
    height,
  );
  return <div ref={ref} role="img" aria-label={bars.map((b) => `${b.label}: ${b.value}`).join(', ')} data-testid={testId} style={{ width: '100%', height }} />;
}

const HOURS = Array.from({ length: 13 }, (_, i) => i + 6);

/** Tickets by weekday × hour of the day, darker where more were issued. */
export function HeatMap({ grid, weekdays, label }: { grid: number[][]; weekdays: string[]; label: string }) {
  const data = grid.flatMap((row, d) => HOURS.map((h, x) => [x, d, row[h] ?? 0]));
  const max = Math.max(1, ...data.map((p) => p[2] as number));
  const ref = useChart(
    {
      textStyle: FONT,
      grid: { left: 40, right: 10, top: 10, bottom: 60 },
      xAxis: { type: 'category', data: HOURS.map((h) => `${h}h`), splitArea: { show: true } },
      yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f3f6fa', '#0b4f8a'] } },
      tooltip: { position: 'top' },
      series: [{ type: 'heatmap', data, label: { show: true, formatter: (p: { value: number[] }) => (p.value[2] ? String(p.value[2]) : '') } }],
      animation: false,
    },
    300,
  );
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height: 300 }} />;
}

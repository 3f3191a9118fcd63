import { PROGRESS_KIND_LABELS, type ProgressKind } from '@shangmi/shared';
import { LineChart } from 'echarts/charts';
import { MarkPointComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../../ui/echart';
import type { ProgressSeries } from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

// The shared wrapper registers bars, pies, heat maps and scatters; the programme also draws lines.
echarts.use([LineChart, MarkPointComponent]);

export interface ProgressChartProps {
  series: ProgressSeries;
  kind: ProgressKind;
}

/** Cumulative actual (solid) against the plan's milestone line (dashed), milestones marked. */
export function ProgressChart({ series, kind }: ProgressChartProps) {
  const t = useProgrammeMessages();
  const option = useMemo<EChartOption>(() => {
    const line = series.series.find((s) => s.kind === kind);
    const marks = series.milestones.flatMap((m) => {
      const target = m.targets.find((x) => x.kind === kind);
      return target ? [{ name: m.title, coord: [m.due.slice(0, 7), target.target], value: target.target }] : [];
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t.actualLine, t.planLine], bottom: 0 },
      grid: { left: 48, right: 24, top: 24, bottom: 48 },
      xAxis: { type: 'category', data: series.dates.map((d) => d.slice(0, 7)) },
      yAxis: { type: 'value', name: PROGRESS_KIND_LABELS[kind] },
      series: [
        { name: t.actualLine, type: 'line', data: line?.actual ?? [], connectNulls: false, symbolSize: 4 },
        {
          name: t.planLine,
          type: 'line',
          data: line?.plan ?? [],
          showSymbol: false,
          lineStyle: { type: 'dashed' },
          markPoint: { symbol: 'pin', symbolSize: 36, data: marks },
        },
      ],
    };
  }, [series, kind, t]);
  return (
    <EChart
      option={option}
      height={320}
      ariaLabel={`${t.chartTitle}：${PROGRESS_KIND_LABELS[kind]}`}
      data-testid="progress-chart"
    />
  );
}

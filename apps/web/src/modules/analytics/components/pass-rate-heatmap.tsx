import { Empty } from 'antd';
import { useMemo } from 'react';
import type { Heatmap } from '../../../api/types';
import { EChart, type EChartOption } from '../../../ui/echart';
import { useAnalyticsMessages } from '../messages';

export interface PassRateHeatmapProps {
  data: Heatmap;
  loading: boolean;
}

interface HeatmapDatum {
  value: [number, number, number];
  answered: number;
}

/** Requirements down, industries or regions across; each cell the pass rate (0–100 %). */
export function PassRateHeatmap({ data, loading }: PassRateHeatmapProps) {
  const t = useAnalyticsMessages();
  const option = useMemo<EChartOption>(() => {
    const columnIndex = new Map(data.columns.map((column, index) => [column.key, index]));
    const rowIndex = new Map(data.requirements.map((requirement, index) => [requirement.code, index]));
    const points: HeatmapDatum[] = data.cells.flatMap((cell) => {
      const x = columnIndex.get(cell.key);
      const y = rowIndex.get(cell.code);
      return x === undefined || y === undefined
        ? []
        : [
            {
              value: [x, y, Math.round(cell.passRate * 1000) / 10] as [number, number, number],
              answered: cell.answered,
            },
          ];
    });
    return {
      tooltip: {
        position: 'top',
        formatter: (params: { data: HeatmapDatum }) => {
          const [x, y, rate] = params.data.value;
          const requirement = data.requirements[y];
          const column = data.columns[x];
          return [
            `<b>${requirement?.code ?? ''}</b> ${requirement?.text ?? ''}`,
            `${column?.label ?? ''}：${t.passRate} ${rate}%（${t.answered} ${params.data.answered}）`,
          ].join('<br/>');
        },
      },
      grid: { left: 8, right: 16, top: 48, bottom: 72, containLabel: true },
      xAxis: {
        type: 'category',
        position: 'top',
        data: data.columns.map((column) => `${column.label}\n(${column.assessments})`),
        splitArea: { show: true },
        axisLabel: { interval: 0, fontSize: 11 },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: data.requirements.map((requirement) => requirement.code),
        splitArea: { show: true },
        axisLabel: { fontSize: 11 },
      },
      visualMap: {
        min: 0,
        max: 100,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 8,
        text: ['100%', '0%'],
        inRange: { color: ['#cf1322', '#fa8c16', '#fadb14', '#95de64', '#237804'] },
      },
      series: [
        {
          name: t.passRate,
          type: 'heatmap',
          data: points,
          label: {
            show: data.columns.length <= 12,
            fontSize: 10,
            formatter: (p: { data: HeatmapDatum }) => `${Math.round(p.data.value[2])}`,
          },
          emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
        },
      ],
    };
  }, [data, t]);
  if (data.requirements.length === 0 || data.columns.length === 0) {
    return <Empty description={t.noData} />;
  }
  return (
    <EChart
      option={option}
      loading={loading}
      height={Math.max(360, data.requirements.length * 22 + 140)}
      data-testid="pass-rate-heatmap"
      ariaLabel={t.heatmap}
    />
  );
}

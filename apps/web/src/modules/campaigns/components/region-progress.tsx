import { Table } from 'antd';
import { useCallback, useMemo } from 'react';
import type { CampaignRegionProgress } from '../../../api/types';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { EChart, type EChartOption } from '../../../ui/echart';
import { useCampaignMessages } from '../messages';

type ProgressKey = 'not_started' | 'in_progress' | 'submitted' | 'returned' | 'certified';
const KEYS: readonly ProgressKey[] = ['not_started', 'in_progress', 'submitted', 'returned', 'certified'];
const COLORS: Record<ProgressKey, string> = {
  not_started: '#bfbfbf',
  in_progress: '#69b1ff',
  submitted: '#1f4e9c',
  returned: '#fa8c16',
  certified: '#52c41a',
};

function useProgressLabel() {
  const labels = useConformanceLabels();
  return useCallback(
    (key: ProgressKey) => (key === 'certified' ? labels.certified : labels.assessmentStatus(key)),
    [labels],
  );
}

export interface RegionProgressTableProps {
  rows: CampaignRegionProgress[];
  onRegion: (regionId: string) => void;
}

/** Per region: not started / in progress / submitted / returned / certified. */
export function RegionProgressTable({ rows, onRegion }: RegionProgressTableProps) {
  const t = useCampaignMessages();
  const label = useProgressLabel();
  return (
    <Table<CampaignRegionProgress>
      rowKey="regionId"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="region-progress"
      summary={(data) => (
        <Table.Summary.Row style={{ fontWeight: 600 }}>
          <Table.Summary.Cell index={0}>{t.allScope}</Table.Summary.Cell>
          {KEYS.map((key, index) => (
            <Table.Summary.Cell key={key} index={index + 1} align="right">
              {data.reduce((sum, row) => sum + row[key], 0)}
            </Table.Summary.Cell>
          ))}
          <Table.Summary.Cell index={KEYS.length + 1} align="right">
            {data.reduce((sum, row) => sum + row.total, 0)}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
      columns={[
        {
          title: t.region,
          dataIndex: 'regionName',
          key: 'region',
          width: 160,
          render: (name: string, row) => (
            <a onClick={() => onRegion(row.regionId)} style={{ whiteSpace: 'nowrap' }}>
              {name}
            </a>
          ),
        },
        ...KEYS.map((key) => ({
          title: label(key),
          dataIndex: key,
          key,
          align: 'right' as const,
          width: 90,
        })),
        { title: t.total, dataIndex: 'total', key: 'total', align: 'right' as const, width: 80 },
      ]}
    />
  );
}

export interface RegionProgressChartProps {
  rows: CampaignRegionProgress[];
}

/** The same numbers as a horizontal stacked bar per region. */
export function RegionProgressChart({ rows }: RegionProgressChartProps) {
  const label = useProgressLabel();
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((row) => row.regionName), inverse: true },
      series: KEYS.map((key) => ({
        name: label(key),
        type: 'bar',
        stack: 'total',
        barMaxWidth: 28,
        itemStyle: { color: COLORS[key] },
        emphasis: { focus: 'series' },
        data: rows.map((row) => row[key]),
      })),
    }),
    [rows, label],
  );
  return <EChart option={option} height={Math.max(220, rows.length * 44 + 60)} data-testid="region-chart" />;
}

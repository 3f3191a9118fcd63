import type { StationService } from '@shangmi/shared';
import { Card, Col, Empty, Row, Skeleton, Table } from 'antd';
import { useMemo } from 'react';
import type { PublicMap } from '../../../api/types';
import { ErrorResult } from '../../../ui/error-result';
import { EChart, type EChartOption } from '../../../ui/echart';
import { PublicFrame } from '../components/public-frame';
import { usePublicMap } from '../hooks/use-places';
import { usePlaceLabels, usePlaceMessages } from '../messages';

type RegionCount = PublicMap['regions'][number];

interface PointDatum {
  name: string;
  value: [number, number];
  regionName: string;
  detail: string;
}

interface TooltipParams {
  seriesName?: string;
  data?: PointDatum;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Stations and bases placed by longitude and latitude in a plain coordinate frame (no map tiles). */
function useMapOption(map: PublicMap | undefined): EChartOption | null {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  return useMemo(() => {
    if (!map) {
      return null;
    }
    const services = (list: StationService[]) => list.map((service) => labels.service[service]).join('、');
    const station = (point: PublicMap['stations'][number]): PointDatum => ({
      name: point.name,
      value: [point.longitude, point.latitude],
      regionName: point.regionName,
      detail: services(point.services),
    });
    const base = (point: PublicMap['bases'][number]): PointDatum => ({
      name: point.name,
      value: [point.longitude, point.latitude],
      regionName: point.regionName,
      detail: point.designated ? t.designated : '',
    });
    const { minLng, maxLng, minLat, maxLat } = map.bounds;
    return {
      animation: false,
      legend: { top: 0 },
      grid: { left: 56, right: 24, top: 40, bottom: 48 },
      tooltip: {
        trigger: 'item',
        formatter: (params: TooltipParams) => {
          const datum = params.data;
          if (!datum) {
            return '';
          }
          const lines = [
            `<b>${escapeHtml(datum.name)}</b>`,
            `${escapeHtml(params.seriesName ?? '')} · ${escapeHtml(datum.regionName)}`,
          ];
          if (datum.detail) {
            lines.push(escapeHtml(datum.detail));
          }
          return lines.join('<br/>');
        },
      },
      xAxis: {
        type: 'value',
        name: t.longitude,
        nameLocation: 'middle',
        nameGap: 28,
        min: minLng,
        max: maxLng,
        axisLabel: { formatter: (value: number) => `${value.toFixed(1)}°E` },
        splitLine: { lineStyle: { type: 'dashed', color: '#e5e8ee' } },
      },
      yAxis: {
        type: 'value',
        name: t.latitude,
        min: minLat,
        max: maxLat,
        axisLabel: { formatter: (value: number) => `${value.toFixed(1)}°N` },
        splitLine: { lineStyle: { type: 'dashed', color: '#e5e8ee' } },
      },
      series: [
        {
          name: t.stationsSeries,
          type: 'scatter',
          symbol: 'circle',
          symbolSize: 11,
          itemStyle: { color: '#1f4e9c' },
          data: map.stations.filter((point) => !point.demonstration).map(station),
        },
        {
          name: t.demonstrationSeries,
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 18,
          itemStyle: { color: '#d48806' },
          data: map.stations.filter((point) => point.demonstration).map(station),
        },
        {
          name: t.basesSeries,
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 18,
          itemStyle: { color: '#cf1322' },
          data: map.bases.map(base),
        },
      ],
    };
  }, [map, t, labels]);
}

/** The public map: no login. */
export function PublicMapPage() {
  const t = usePlaceMessages();
  const map = usePublicMap();
  const option = useMapOption(map.data);
  const data = map.data;
  const hasPoints = Boolean(data && data.stations.length + data.bases.length > 0);
  const totals = (data?.regions ?? []).reduce(
    (sum, region) => ({ stations: sum.stations + region.stations, bases: sum.bases + region.bases }),
    { stations: 0, bases: 0 },
  );
  return (
    <PublicFrame title={t.mapTitle} subtitle={t.mapSubtitle}>
      {map.isError ? (
        <Card>
          <ErrorResult error={map.error} onRetry={() => void map.refetch()} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={16}>
            <Card>
              {map.isPending ? (
                <Skeleton active paragraph={{ rows: 10 }} />
              ) : hasPoints && option ? (
                <EChart option={option} height={560} data-testid="places-map" ariaLabel={t.mapTitle} />
              ) : (
                <Empty description={t.mapEmpty} data-testid="map-empty" />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Card title={t.regionCounts} size="small">
              <Table<RegionCount>
                rowKey="regionId"
                size="small"
                loading={map.isPending}
                dataSource={data?.regions ?? []}
                pagination={false}
                data-testid="region-counts"
                locale={{ emptyText: <Empty description={t.mapEmpty} /> }}
                columns={[
                  { title: t.region, dataIndex: 'name', key: 'name' },
                  { title: t.stationsCount, dataIndex: 'stations', key: 'stations', width: 70, align: 'right' },
                  { title: t.basesCount, dataIndex: 'bases', key: 'bases', width: 70, align: 'right' },
                ]}
                summary={() =>
                  data && data.regions.length > 0 ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0}>
                        <b>{t.total}</b>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={1} align="right">
                        <b>{totals.stations}</b>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={2} align="right">
                        <b>{totals.bases}</b>
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            </Card>
          </Col>
        </Row>
      )}
    </PublicFrame>
  );
}

import { EnvironmentOutlined, ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import { STATION_SERVICES, type StationService } from '@shangmi/shared';
import { Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PublicStation } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PlaceSearchFilter, PlaceServiceFilter } from '../components/place-list-filters';
import { PublicFrame } from '../components/public-frame';
import { usePlaceListQuery } from '../hooks/use-place-list-query';
import { ServiceTags } from '../components/place-tags';
import { usePublicMap, usePublicStations } from '../hooks/use-places';
import { usePlaceMessages } from '../messages';

type View = 'cards' | 'table';

interface StationCardProps {
  station: PublicStation;
}

function StationCard({ station }: StationCardProps) {
  const t = usePlaceMessages();
  return (
    <Card
      size="small"
      title={station.name}
      extra={station.demonstration ? <Tag color="gold">{t.demonstration}</Tag> : null}
      style={{ height: '100%' }}
      data-testid="public-station"
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">{station.regionName}</Typography.Text>
        <span>
          <EnvironmentOutlined /> {station.address}
        </span>
        <span>
          <ClockCircleOutlined /> {station.openingHours}
        </span>
        <span>
          <PhoneOutlined /> {station.contactPhone}
        </span>
        <ServiceTags services={station.services} />
      </Flex>
    </Card>
  );
}

/** The public directory of service stations: no login. */
export function PublicStationsPage() {
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const { url, filters, filtered } = usePlaceListQuery({ service: STATION_SERVICES });
  const [view, setView] = useState<View>('cards');
  // The map's region counts name every county-level region, so the filter needs no session.
  const map = usePublicMap();
  const list = usePublicStations(filters);
  const stations = list.data?.items ?? [];
  const empty = <Empty description={filtered ? t.emptyFiltered : t.empty} data-testid="public-empty" />;
  return (
    <PublicFrame title={t.directoryTitle} subtitle={t.directorySubtitle}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <PlaceSearchFilter url={url} value={filters.q} label={t.searchStations} md={8} />
          <Col xs={12} md={5}>
            <Select<string>
              aria-label={t.region}
              placeholder={t.anyRegion}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.regionId}
              onChange={(regionId) => url.set({ regionId })}
              loading={map.isPending}
              options={(map.data?.regions ?? []).map((region) => ({ value: region.regionId, label: region.name }))}
              style={{ width: '100%' }}
            />
          </Col>
          <PlaceServiceFilter url={url} value={filters.service} md={5} />
          <Col xs={24} md={6} style={{ textAlign: 'right' }}>
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[
                { value: 'cards', label: t.cards },
                { value: 'table', label: t.table },
              ]}
            />
          </Col>
        </Row>
      </Card>
      {list.isError ? (
        <Card>
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        </Card>
      ) : list.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : view === 'cards' ? (
        stations.length === 0 ? (
          <Card>{empty}</Card>
        ) : (
          <>
            <Typography.Text type="secondary">{common.total(stations.length)}</Typography.Text>
            <Row gutter={[16, 16]} style={{ marginTop: 8 }} data-testid="public-station-cards">
              {stations.map((station) => (
                <Col key={station.id ?? station.name} xs={24} md={12} lg={8}>
                  <StationCard station={station} />
                </Col>
              ))}
            </Row>
          </>
        )
      ) : (
        <Card>
          <Table<PublicStation>
            rowKey={(station) => station.id ?? station.name}
            dataSource={stations}
            loading={list.isFetching}
            data-testid="public-station-table"
            locale={{ emptyText: empty }}
            pagination={{ pageSize: 20, showTotal: (total) => common.total(total) }}
            scroll={{ x: 1000 }}
            columns={[
              {
                title: t.name,
                dataIndex: 'name',
                key: 'name',
                render: (name: string, station) => (
                  <>
                    {name}
                    {station.demonstration ? (
                      <Tag color="gold" style={{ marginLeft: 6 }}>
                        {t.demonstration}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              { title: t.region, dataIndex: 'regionName', key: 'region', width: 130 },
              { title: t.address, dataIndex: 'address', key: 'address' },
              { title: t.openingHours, dataIndex: 'openingHours', key: 'hours', width: 180 },
              {
                title: t.services,
                dataIndex: 'services',
                key: 'services',
                width: 260,
                render: (services: StationService[]) => <ServiceTags services={services} />,
              },
              { title: t.contactPhone, dataIndex: 'contactPhone', key: 'phone', width: 130 },
            ]}
          />
        </Card>
      )}
    </PublicFrame>
  );
}

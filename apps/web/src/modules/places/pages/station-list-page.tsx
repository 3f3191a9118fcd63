import { PlusOutlined } from '@ant-design/icons';
import {
  STATION_HOST_KINDS,
  STATION_SERVICES,
  type PlaceStatus,
  type StationHostKind,
  type StationService,
} from '@shangmi/shared';
import { Button, Card, Empty, Row, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { Station } from '../../../api/types';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import {
  PLACE_STATUSES,
  PlaceRegionFilter,
  PlaceResetFilter,
  PlaceSearchFilter,
  PlaceSelectFilter,
  PlaceServiceFilter,
  PlaceStatusFilter,
} from '../components/place-list-filters';
import { PlaceStatusTag, ServiceTags } from '../components/place-tags';
import { usePlaceListQuery } from '../hooks/use-place-list-query';
import { useStationList } from '../hooks/use-places';
import { usePlaceLabels, usePlaceMessages } from '../messages';

export function StationListPage() {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  const common = useCommonMessages();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { url, filters, filtered } = usePlaceListQuery({
    hostKind: STATION_HOST_KINDS,
    service: STATION_SERVICES,
    status: PLACE_STATUSES,
  });
  const list = useStationList({ ...filters, page: url.page, pageSize: url.pageSize });
  return (
    <>
      <PageHeader
        title={t.stationsTitle}
        subtitle={t.stationsSubtitle}
        extra={
          can('station:write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/stations/new')}>
              {t.newStation}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <PlaceSearchFilter url={url} value={filters.q} label={t.searchStations} md={6} />
          <PlaceRegionFilter url={url} value={filters.regionId} md={5} />
          <PlaceSelectFilter<StationHostKind>
            url={url}
            name="hostKind"
            value={filters.hostKind}
            label={t.hostKind}
            placeholder={t.anyHostKind}
            options={STATION_HOST_KINDS.map((kind) => ({ value: kind, label: labels.stationHost[kind] }))}
            md={4}
          />
          <PlaceServiceFilter url={url} value={filters.service} md={3} />
          <PlaceStatusFilter url={url} value={filters.status} md={3} />
          <PlaceResetFilter url={url} />
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Station>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="station-table"
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty description={filtered ? t.emptyFiltered : t.empty} /> }}
            pagination={{
              current: list.data?.page ?? 1,
              pageSize: list.data?.pageSize ?? 20,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => common.total(total),
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              {
                title: t.name,
                dataIndex: 'name',
                key: 'name',
                render: (name: string, station) => (
                  <>
                    <Link to={`/stations/${station.id}`}>{name}</Link>
                    {station.demonstration ? (
                      <Tag color="gold" style={{ marginLeft: 6 }}>
                        {t.demonstration}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t.hostKind,
                dataIndex: 'hostKind',
                key: 'hostKind',
                width: 130,
                render: (kind: StationHostKind) => labels.stationHost[kind],
              },
              { title: t.region, dataIndex: 'regionName', key: 'region', width: 140 },
              {
                title: t.services,
                dataIndex: 'services',
                key: 'services',
                width: 300,
                render: (services: StationService[]) => <ServiceTags services={services} />,
              },
              { title: t.contactPhone, dataIndex: 'contactPhone', key: 'phone', width: 130 },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 80,
                render: (status: PlaceStatus) => <PlaceStatusTag status={status} />,
              },
              {
                title: common.actions,
                key: 'actions',
                width: 110,
                fixed: 'right',
                render: (_value, station) => (
                  <>
                    <Link to={`/stations/${station.id}`}>{t.view}</Link>
                    {can('station:write') ? (
                      <Link to={`/stations/${station.id}/edit`} style={{ marginLeft: 12 }}>
                        {common.edit}
                      </Link>
                    ) : null}
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

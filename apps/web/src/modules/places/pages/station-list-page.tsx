import { PlusOutlined } from '@ant-design/icons';
import {
  STATION_HOST_KINDS,
  STATION_SERVICES,
  type PlaceStatus,
  type StationHostKind,
  type StationService,
} from '@shangmi/shared';
import { Button, Card, Col, Empty, Input, Row, Select, Table, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { Station } from '../../../api/types';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { RegionTreeSelect } from '../../regions';
import { PlaceStatusTag, ServiceTags } from '../components/place-tags';
import { useStationList } from '../hooks/use-places';
import { usePlaceLabels, usePlaceMessages } from '../messages';

const STATUSES: readonly PlaceStatus[] = ['active', 'archived'];

export function StationListPage() {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  const common = useCommonMessages();
  const { can } = useAuth();
  const navigate = useNavigate();
  const url = useUrlState();
  const filters = {
    q: url.get('q'),
    regionId: url.get('regionId'),
    hostKind: STATION_HOST_KINDS.find((kind) => kind === url.get('hostKind')),
    service: STATION_SERVICES.find((service) => service === url.get('service')),
    status: STATUSES.find((status) => status === url.get('status')),
  };
  const list = useStationList({ ...filters, page: url.page, pageSize: url.pageSize });
  const filtered = Object.values(filters).some((value) => value !== undefined);
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
          <Col xs={24} md={6}>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t.searchStations}
              aria-label={t.searchStations}
              allowClear
              enterButton={common.search}
              onSearch={(value) => url.set({ q: value.trim() || undefined })}
            />
          </Col>
          <Col xs={12} md={5}>
            <RegionTreeSelect
              aria-label={t.region}
              placeholder={t.anyRegion}
              value={filters.regionId}
              onChange={(regionId) => url.set({ regionId })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<StationHostKind>
              aria-label={t.hostKind}
              placeholder={t.anyHostKind}
              allowClear
              value={filters.hostKind}
              onChange={(hostKind) => url.set({ hostKind })}
              options={STATION_HOST_KINDS.map((kind) => ({ value: kind, label: labels.stationHost[kind] }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={3}>
            <Select<StationService>
              aria-label={t.services}
              placeholder={t.anyService}
              allowClear
              value={filters.service}
              onChange={(service) => url.set({ service })}
              options={STATION_SERVICES.map((service) => ({ value: service, label: labels.service[service] }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={3}>
            <Select<PlaceStatus>
              aria-label={t.status}
              placeholder={t.anyStatus}
              allowClear
              value={filters.status}
              onChange={(status) => url.set({ status })}
              options={STATUSES.map((status) => ({ value: status, label: labels.status[status] }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={3}>
            <Button block onClick={url.clear}>
              {common.reset}
            </Button>
          </Col>
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

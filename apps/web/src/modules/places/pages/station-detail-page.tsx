import { App, Button, Card, Descriptions, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { StationStaff } from '../../../api/types';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime, orDash } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { ReasonModal } from '../../../ui/reason-modal';
import { PlaceStatusTag, ServiceTags } from '../components/place-tags';
import { useStation, useStationStatus } from '../hooks/use-places';
import { usePlaceLabels, usePlaceMessages } from '../messages';

export function StationDetailPage() {
  const { id = '' } = useParams();
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  const common = useCommonMessages();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const station = useStation(id);
  const status = useStationStatus(id);
  const [reasonOpen, setReasonOpen] = useState(false);
  if (station.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (station.isError) {
    return <ErrorResult error={station.error} onRetry={() => void station.refetch()} />;
  }
  const data = station.data;
  const action = data.status === 'active' ? 'archive' : 'restore';
  return (
    <>
      <PageHeader
        title={
          <>
            {data.name} <PlaceStatusTag status={data.status} />
            {data.demonstration ? <Tag color="gold">{t.demonstration}</Tag> : null}
          </>
        }
        crumbs={[{ title: t.stationsTitle, to: '/stations' }, { title: data.name }]}
        extra={
          can('station:write') ? (
            <>
              <Button type="primary" onClick={() => void navigate(`/stations/${data.id}/edit`)}>
                {common.edit}
              </Button>
              <Button danger={action === 'archive'} onClick={() => setReasonOpen(true)}>
                {action === 'archive' ? t.archive : t.restore}
              </Button>
            </>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          data-testid="station-details"
          items={[
            { key: 'host', label: t.hostKind, children: labels.stationHost[data.hostKind] },
            { key: 'hostOrg', label: t.hostOrganization, children: orDash(data.hostOrganizationName) },
            { key: 'region', label: t.region, children: data.regionName },
            { key: 'county', label: t.county, children: data.countyName },
            { key: 'address', label: t.address, children: data.address, span: 2 },
            {
              key: 'coordinates',
              label: t.coordinates,
              children: `${data.longitude.toFixed(4)}, ${data.latitude.toFixed(4)}`,
            },
            { key: 'hours', label: t.openingHours, children: data.openingHours },
            { key: 'services', label: t.services, children: <ServiceTags services={data.services} />, span: 2 },
            { key: 'contact', label: t.contactName, children: data.contactName },
            { key: 'phone', label: t.contactPhone, children: data.contactPhone },
            { key: 'updated', label: t.updatedAt, children: formatDateTime(data.updatedAt) },
          ]}
        />
      </Card>
      <Card title={t.staff}>
        <Table<StationStaff>
          rowKey={(member) => `${member.name}-${member.phone}`}
          dataSource={data.staff}
          pagination={false}
          size="small"
          columns={[
            { title: t.staffName, dataIndex: 'name', key: 'name' },
            { title: t.staffRole, dataIndex: 'role', key: 'role' },
            { title: t.staffPhone, dataIndex: 'phone', key: 'phone' },
            {
              title: t.liaison,
              dataIndex: 'liaison',
              key: 'liaison',
              render: (liaison: boolean) => (liaison ? <Tag color="blue">{t.liaison}</Tag> : null),
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={reasonOpen}
        title={action === 'archive' ? t.archiveTitle : t.restoreTitle}
        label={t.reason}
        requiredMessage={t.reasonRequired}
        okText={action === 'archive' ? t.archive : t.restore}
        danger={action === 'archive'}
        onClose={() => setReasonOpen(false)}
        onSubmit={async (reason) => {
          await status.mutateAsync({ action, reason });
          void message.success(action === 'archive' ? t.archived : t.restored);
          setReasonOpen(false);
        }}
      />
    </>
  );
}

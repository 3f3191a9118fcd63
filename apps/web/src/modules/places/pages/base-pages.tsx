import { PlusOutlined } from '@ant-design/icons';
import type { BaseHostKind, PlaceStatus } from '@shangmi/shared';
import { App, Button, Card, Empty, Row, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Base, BaseInput } from '../../../api/types';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { ReasonModal } from '../../../ui/reason-modal';
import { BaseForm, type BaseFormValues } from '../components/base-form';
import type { EnterpriseRef } from '../components/enterprise-picker';
import {
  PLACE_STATUSES,
  PlaceRegionFilter,
  PlaceResetFilter,
  PlaceSearchFilter,
  PlaceStatusFilter,
} from '../components/place-list-filters';
import { PlaceStatusTag } from '../components/place-tags';
import { usePlaceListQuery } from '../hooks/use-place-list-query';
import { useBase, useBaseList, useBaseStatus, useSaveBase } from '../hooks/use-places';
import { usePlaceLabels, usePlaceMessages } from '../messages';

export function BaseListPage() {
  const t = usePlaceMessages();
  const labels = usePlaceLabels();
  const common = useCommonMessages();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { url, filters, filtered } = usePlaceListQuery({ status: PLACE_STATUSES });
  const list = useBaseList({ ...filters, page: url.page, pageSize: url.pageSize });
  return (
    <>
      <PageHeader
        title={t.basesTitle}
        subtitle={t.basesSubtitle}
        extra={
          can('base:write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/bases/new')}>
              {t.newBase}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <PlaceSearchFilter url={url} value={filters.q} label={t.searchBases} md={8} />
          <PlaceRegionFilter url={url} value={filters.regionId} md={6} />
          <PlaceStatusFilter url={url} value={filters.status} md={4} />
          <PlaceResetFilter url={url} />
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Base>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="base-table"
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={filtered ? t.emptyFiltered : t.emptyBases} /> }}
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
                render: (name: string, base) => (
                  <>
                    {can('base:write') ? <Link to={`/bases/${base.id}/edit`}>{name}</Link> : name}
                    {base.designated ? (
                      <Tag color="gold" style={{ marginLeft: 6 }}>
                        {t.designated}
                      </Tag>
                    ) : null}
                  </>
                ),
              },
              {
                title: t.hostKind,
                dataIndex: 'hostKind',
                key: 'hostKind',
                width: 120,
                render: (kind: BaseHostKind) => labels.baseHost[kind],
              },
              {
                title: t.hostOrganization,
                dataIndex: 'hostOrganizationName',
                key: 'hostOrganization',
                width: 160,
                render: (name: string | null) => name ?? common.dash,
              },
              { title: t.region, dataIndex: 'regionName', key: 'region', width: 140 },
              {
                title: t.enterprises,
                key: 'enterprises',
                width: 100,
                render: (_value, base) => t.enterprisesCount(base.enterprises.length),
              },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 80,
                render: (status: PlaceStatus) => <PlaceStatusTag status={status} />,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

function toFormValues(base: Base): BaseFormValues {
  return {
    name: base.name,
    hostKind: base.hostKind,
    regionId: base.regionId,
    address: base.address,
    longitude: base.longitude,
    latitude: base.latitude,
    description: base.description,
    enterprises: base.enterprises,
  };
}

function sameEnterprises(before: EnterpriseRef[], after: EnterpriseRef[]): boolean {
  const ids = (list: EnterpriseRef[]) =>
    list
      .map((enterprise) => enterprise.id)
      .sort()
      .join(',');
  return ids(before) === ids(after);
}

export function BaseCreatePage() {
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveBase(undefined);
  return (
    <>
      <PageHeader title={t.newBase} crumbs={[{ title: t.basesTitle, to: '/bases' }, { title: t.newBase }]} />
      <BaseForm
        submitLabel={common.save}
        onCancel={() => void navigate('/bases')}
        onSubmit={async (input, enterprises) => {
          await save.mutateAsync({
            input,
            enterpriseIds: enterprises.length > 0 ? enterprises.map((enterprise) => enterprise.id) : null,
          });
          void message.success(common.created);
          await navigate('/bases');
        }}
      />
    </>
  );
}

export function BaseEditPage() {
  const { id = '' } = useParams();
  const t = usePlaceMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const base = useBase(id);
  const save = useSaveBase(id);
  const status = useBaseStatus(id);
  const [reasonOpen, setReasonOpen] = useState(false);
  if (base.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (base.isError) {
    return <ErrorResult error={base.error} onRetry={() => void base.refetch()} />;
  }
  const data = base.data;
  const action = data.status === 'active' ? 'archive' : 'restore';
  return (
    <>
      <PageHeader
        title={
          <>
            {t.editTitle(data.name)} <PlaceStatusTag status={data.status} />
          </>
        }
        crumbs={[{ title: t.basesTitle, to: '/bases' }, { title: data.name }]}
        extra={
          <Button danger={action === 'archive'} onClick={() => setReasonOpen(true)}>
            {action === 'archive' ? t.archive : t.restore}
          </Button>
        }
      />
      <BaseForm
        initialValues={toFormValues(data)}
        submitLabel={common.save}
        onCancel={() => void navigate('/bases')}
        onSubmit={async (input: BaseInput, enterprises) => {
          const patch: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(input) as [keyof BaseInput, unknown][]) {
            if (JSON.stringify(data[key]) !== JSON.stringify(value)) {
              patch[key] = value;
            }
          }
          const enterpriseIds = sameEnterprises(data.enterprises, enterprises)
            ? null
            : enterprises.map((enterprise) => enterprise.id);
          if (Object.keys(patch).length === 0 && !enterpriseIds) {
            void message.info(common.nothingChanged);
            return;
          }
          await save.mutateAsync({ input: patch, enterpriseIds });
          void message.success(common.saved);
          await navigate('/bases');
        }}
      />
      <ReasonModal
        open={reasonOpen}
        title={action === 'archive' ? t.archive : t.restore}
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

import { PlusOutlined } from '@ant-design/icons';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@shangmi/shared';
import { useState } from 'react';
import { App, Button, Card, Col, Empty, Input, Row, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { Organization, OrganizationStatus } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { ReasonModal } from '../../../ui/reason-modal';
import { useUrlState } from '../../../ui/url-state';
import { RegionTreeSelect } from '../../regions';
import {
  useChangeOrganizationStatus,
  useOrganizationList,
  type OrganizationStatusChange,
} from '../hooks/use-organizations';

const STATUSES: readonly OrganizationStatus[] = ['active', 'archived'];
import { useOrganizationMessages } from '../messages';

export function OrganizationListPage() {
  const t = useOrganizationMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();
  const { can } = useAuth();
  const url = useUrlState();
  const q = url.get('q');
  const kind = ORGANIZATION_KINDS.find((candidate) => candidate === url.get('kind'));
  const regionId = url.get('regionId');
  const status = STATUSES.find((candidate) => candidate === url.get('status'));
  const list = useOrganizationList({ q, kind, regionId, status, page: url.page, pageSize: url.pageSize });
  const canWrite = can('organization:write');
  const { message } = App.useApp();
  const changeStatus = useChangeOrganizationStatus();
  const [pending, setPending] = useState<{ organization: Organization; change: OrganizationStatusChange } | null>(null);

  return (
    <>
      <PageHeader
        title={t.listTitle}
        subtitle={t.listSubtitle}
        extra={
          canWrite ? (
            <Link to="/organizations/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t.newOrganization}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Input.Search
              key={q ?? ''}
              defaultValue={q}
              placeholder={t.searchPlaceholder}
              aria-label={t.searchPlaceholder}
              allowClear
              enterButton={common.search}
              onSearch={(value) => url.set({ q: value.trim() })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<OrganizationKind>
              aria-label={t.kind}
              value={kind}
              placeholder={t.anyKind}
              allowClear
              options={ORGANIZATION_KINDS.map((value) => ({ value, label: labels.organizationKind(value) }))}
              onChange={(value) => url.set({ kind: value })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <RegionTreeSelect
              aria-label={t.region}
              value={regionId}
              placeholder={t.anyRegion}
              onChange={(value) => url.set({ regionId: value })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<OrganizationStatus>
              aria-label={t.status}
              value={status}
              placeholder={t.anyStatus}
              allowClear
              options={STATUSES.map((value) => ({ value, label: labels.organizationStatus(value) }))}
              onChange={(value) => url.set({ status: value })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
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
          <Table<Organization>
            rowKey="id"
            data-testid="organization-table"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            size="middle"
            scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description={t.empty} /> }}
            pagination={{
              current: list.data?.page ?? url.page,
              pageSize: list.data?.pageSize ?? url.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => common.total(total),
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              { title: t.name, dataIndex: 'name', key: 'name' },
              {
                title: t.kind,
                dataIndex: 'kind',
                key: 'kind',
                render: (value: OrganizationKind) => <Tag variant="filled">{labels.organizationKind(value)}</Tag>,
              },
              { title: t.region, dataIndex: 'regionName', key: 'regionName' },
              { title: t.contactName, dataIndex: 'contactName', key: 'contactName' },
              { title: t.contactPhone, dataIndex: 'contactPhone', key: 'contactPhone' },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                render: (_value, organization) => (
                  <Tag color={organization.status === 'active' ? 'green' : 'default'}>
                    {labels.organizationStatus(organization.status)}
                  </Tag>
                ),
              },
              ...(canWrite
                ? [
                    {
                      title: common.actions,
                      key: 'actions',
                      render: (_value: unknown, organization: Organization) =>
                        organization.status === 'active' ? (
                          <span style={{ whiteSpace: 'nowrap' }}>
                            <Link to={`/organizations/${organization.id}/edit`}>{common.edit}</Link>
                            <Button
                              type="link"
                              size="small"
                              danger
                              onClick={() => setPending({ organization, change: 'archive' })}
                            >
                              {t.archive}
                            </Button>
                          </span>
                        ) : (
                          <Button
                            type="link"
                            size="small"
                            onClick={() => setPending({ organization, change: 'restore' })}
                          >
                            {t.restore}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      <ReasonModal
        open={pending !== null}
        title={
          pending ? (pending.change === 'archive' ? t.archiveTitle : t.restoreTitle)(pending.organization.name) : ''
        }
        label={t.reason}
        requiredMessage={t.reasonRequired}
        okText={pending?.change === 'restore' ? t.restore : t.archive}
        danger={pending?.change === 'archive'}
        onClose={() => setPending(null)}
        onSubmit={async (reason) => {
          if (!pending) {
            return;
          }
          await changeStatus.mutateAsync({ id: pending.organization.id, change: pending.change, reason });
          void message.success(pending.change === 'archive' ? t.archived : t.restored);
        }}
      />
    </>
  );
}

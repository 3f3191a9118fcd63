import { PlusOutlined } from '@ant-design/icons';
import { APPLICATION_STATUSES, DESIGNATION_KINDS, type ApplicationStatus, type DesignationKind } from '@shangmi/shared';
import { Button, Card, Col, Empty, Input, Row, Select, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { CountySelect } from '../components/county-select';
import { ApplicationStatusTag, KindTag } from '../components/tags';
import { useApplicationList, type ApplicationSummary } from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function ApplicationListPage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const common = useCommonMessages();
  const { can, user } = useAuth();
  const navigate = useNavigate();
  const url = useUrlState();
  const filters = {
    q: url.get('q'),
    kind: oneOf<DesignationKind>(DESIGNATION_KINDS, url.get('kind')),
    status: oneOf<ApplicationStatus>(APPLICATION_STATUSES, url.get('status')),
    countyRegionId: url.get('county'),
  };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const list = useApplicationList({ ...filters, page: url.page, pageSize: url.pageSize });
  // The county filter is for those who see more than one county.
  const manyCounties = can('designation:manage') || user?.roles.includes('dept_officer') === true;
  return (
    <>
      <PageHeader
        title={t.applicationsTitle}
        subtitle={t.applicationsSubtitle}
        extra={
          can('designation:apply') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/applications/new')}>
              {t.newApplication}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={7}>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t.searchApplications}
              aria-label={t.searchApplications}
              allowClear
              enterButton={common.search}
              onSearch={(text) => url.set({ q: text.trim() || undefined })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<DesignationKind>
              aria-label={t.kind}
              placeholder={t.anyKind}
              allowClear
              value={filters.kind}
              onChange={(kind) => url.set({ kind })}
              options={DESIGNATION_KINDS.map((kind) => ({ value: kind, label: labels.kind[kind] }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<ApplicationStatus>
              aria-label={t.status}
              placeholder={t.anyStatus}
              allowClear
              value={filters.status}
              onChange={(status) => url.set({ status })}
              options={APPLICATION_STATUSES.map((status) => ({
                value: status,
                label: labels.applicationStatus[status],
              }))}
              style={{ width: '100%' }}
            />
          </Col>
          {manyCounties ? (
            <Col xs={12} md={4}>
              <CountySelect
                value={filters.countyRegionId}
                onChange={(county) => url.set({ county })}
                label={t.county}
                placeholder={t.anyCounty}
              />
            </Col>
          ) : null}
          <Col xs={12} md={2}>
            <Button onClick={url.clear} disabled={!filtered}>
              {common.reset}
            </Button>
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<ApplicationSummary>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="application-table"
            scroll={{ x: 1200 }}
            locale={{ emptyText: <Empty description={filtered ? t.emptyFiltered : t.emptyApplications} /> }}
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
                title: t.number,
                dataIndex: 'number',
                key: 'number',
                width: 130,
                render: (number: string, row) => <Link to={`/applications/${row.id}`}>{number}</Link>,
              },
              {
                title: t.kind,
                dataIndex: 'kind',
                key: 'kind',
                width: 150,
                render: (kind: DesignationKind) => <KindTag kind={kind} />,
              },
              {
                title: t.subject,
                dataIndex: 'subjectName',
                key: 'subject',
                render: (name: string, row) => <Link to={`/applications/${row.id}`}>{name}</Link>,
              },
              { title: t.county, dataIndex: 'countyName', key: 'county', width: 110 },
              {
                title: t.route,
                dataIndex: 'route',
                key: 'route',
                width: 120,
                render: (route: ApplicationSummary['route']) => labels.route[route],
              },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 120,
                render: (status: ApplicationStatus) => <ApplicationStatusTag status={status} />,
              },
              {
                title: t.finalScore,
                dataIndex: 'finalScore',
                key: 'finalScore',
                width: 90,
                align: 'right',
                render: (score: number | null) => t.score_(score),
              },
              {
                title: t.notice,
                key: 'notice',
                width: 190,
                render: (_value, row) =>
                  row.noticeStart ? `${formatDate(row.noticeStart)} ~ ${formatDate(row.noticeEnd)}` : '—',
              },
              {
                title: t.submittedAt,
                dataIndex: 'submittedAt',
                key: 'submittedAt',
                width: 150,
                render: (value: string | null) => formatDateTime(value),
              },
              {
                title: common.actions,
                key: 'actions',
                width: 70,
                fixed: 'right',
                render: (_value, row) => <Link to={`/applications/${row.id}`}>{t.view}</Link>,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

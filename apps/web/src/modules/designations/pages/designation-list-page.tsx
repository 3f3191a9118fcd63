import { DownloadOutlined } from '@ant-design/icons';
import { DESIGNATION_KINDS, DESIGNATION_STATUSES, type DesignationKind, type DesignationStatus } from '@shangmi/shared';
import { App, Button, Card, Col, DatePicker, Empty, Input, Row, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { CountySelect } from '../components/county-select';
import { DesignationStatusTag, KindTag } from '../components/tags';
import { exportDesignations, useDesignationList, type Designation } from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The designations, filtered from the URL (the programme dashboard links here with ?kind=&county=&asOf=). */
export function DesignationListPage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const url = useUrlState();
  const asOf = url.get('asOf');
  const filters = {
    q: url.get('q'),
    kind: oneOf<DesignationKind>(DESIGNATION_KINDS, url.get('kind')),
    status: oneOf<DesignationStatus>(DESIGNATION_STATUSES, url.get('status')),
    county: url.get('county'),
    asOf: asOf && DATE.test(asOf) ? asOf : undefined,
  };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const list = useDesignationList({ ...filters, page: url.page, pageSize: url.pageSize });
  const [exporting, setExporting] = useState(false);
  const runExport = async () => {
    setExporting(true);
    try {
      const name = await exportDesignations(filters);
      void message.success(t.exported(name));
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <PageHeader
        title={t.designationsTitle}
        subtitle={t.designationsSubtitle}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void runExport()} loading={exporting}>
            {t.exportExcel}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t.searchDesignations}
              aria-label={t.searchDesignations}
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
          <Col xs={12} md={3}>
            <Select<DesignationStatus>
              aria-label={t.status}
              placeholder={t.anyStatus}
              allowClear
              value={filters.status}
              onChange={(status) => url.set({ status })}
              options={DESIGNATION_STATUSES.map((status) => ({
                value: status,
                label: labels.designationStatus[status],
              }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <CountySelect
              value={filters.county}
              onChange={(county) => url.set({ county })}
              label={t.county}
              placeholder={t.anyCounty}
            />
          </Col>
          <Col xs={12} md={4}>
            <DatePicker
              aria-label={t.asOf}
              placeholder={t.asOf}
              title={t.asOfHint}
              value={filters.asOf ? dayjs(filters.asOf) : null}
              onChange={(day) => url.set({ asOf: day ? day.format('YYYY-MM-DD') : undefined })}
              style={{ width: '100%' }}
            />
          </Col>
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
          <Table<Designation>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="designation-table"
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty description={filtered ? t.emptyFiltered : t.emptyDesignations} /> }}
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
                width: 210,
                render: (number: string, row) => <Link to={`/designations/${row.id}`}>{number}</Link>,
              },
              {
                title: t.kind,
                dataIndex: 'kind',
                key: 'kind',
                width: 150,
                render: (kind: DesignationKind) => <KindTag kind={kind} />,
              },
              { title: t.subject, dataIndex: 'subjectName', key: 'subject', width: 280 },
              { title: t.county, dataIndex: 'countyName', key: 'county', width: 110 },
              {
                title: t.designatedOn,
                dataIndex: 'designatedOn',
                key: 'designatedOn',
                width: 120,
                render: (value: string) => formatDate(value),
              },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 190,
                render: (status: DesignationStatus, row) => (
                  <>
                    <DesignationStatusTag status={status} />
                    {row.revokedOn ? formatDate(row.revokedOn) : row.rectifyBy ? formatDate(row.rectifyBy) : null}
                  </>
                ),
              },
              {
                title: common.actions,
                key: 'actions',
                width: 70,
                fixed: 'right',
                render: (_value, row) => <Link to={`/designations/${row.id}`}>{t.view}</Link>,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

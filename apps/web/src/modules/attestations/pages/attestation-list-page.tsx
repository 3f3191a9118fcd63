import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Row, Space, Table, Tag, Typography, Input } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime, orDash } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { FileAttester } from '../components/file-attester';
import {
  downloadAttestationExcel,
  downloadReceiptJson,
  downloadReceiptPdf,
  useAttestationList,
  type Attestation,
} from '../hooks/use-attestations';
import { useAttestationMessages } from '../messages';

export function AttestationListPage() {
  const t = useAttestationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const url = useUrlState();
  const filters = {
    q: url.get('q'),
    secretPointId: url.get('secretPointId'),
    from: url.get('from'),
    to: url.get('to'),
  };
  const list = useAttestationList({ ...filters, page: url.page, pageSize: url.pageSize });
  const filtered = Boolean(filters.q ?? filters.from ?? filters.to ?? filters.secretPointId);
  const failed = (error: unknown) => message.error(isApiError(error) ? (error.detail ?? error.title) : String(error));

  return (
    <>
      <PageHeader title={t.listTitle} subtitle={t.listSubtitle} />
      {filters.secretPointId ? (
        <Tag color="purple" style={{ marginBottom: 12 }} closable onClose={() => url.set({ secretPointId: undefined })}>
          {t.secretPoint}：{filters.secretPointId}
        </Tag>
      ) : null}
      <FileAttester secretPointId={filters.secretPointId} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={9}>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t.searchPlaceholder}
              aria-label={t.searchPlaceholder}
              allowClear
              enterButton={common.search}
              onSearch={(value) => url.set({ q: value.trim() || undefined })}
            />
          </Col>
          <Col xs={24} md={9}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
              onChange={(range) =>
                url.set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
              }
            />
          </Col>
          <Col xs={24} md={6} style={{ textAlign: 'right' }}>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadAttestationExcel({
                  q: filters.q,
                  secretPointId: filters.secretPointId,
                  from: filters.from,
                  to: filters.to,
                }).catch(failed)
              }
            >
              {t.exportExcel}
            </Button>
          </Col>
        </Row>
      </Card>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Attestation>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          data-testid="attestation-table"
          locale={{ emptyText: <Empty description={filtered ? t.emptyFiltered : t.empty} /> }}
          pagination={{
            current: url.page,
            pageSize: url.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            onChange: (page, pageSize) => url.set({ page, pageSize }),
          }}
          columns={[
            {
              title: t.leafIndex,
              dataIndex: 'leafIndex',
              width: 100,
              render: (v: number | null) => (v === null ? '—' : `#${v}`),
            },
            {
              title: t.label,
              dataIndex: 'label',
              render: (v: string | null, row) => <Link to={`/attestations/${row.id}`}>{orDash(v)}</Link>,
            },
            {
              title: t.sha256,
              dataIndex: 'sha256',
              render: (v: string) => (
                <Typography.Text code copyable={{ text: v }} style={{ fontSize: 12 }}>
                  {v.slice(0, 16)}…
                </Typography.Text>
              ),
            },
            { title: t.loggedAt, dataIndex: 'loggedAt', render: (v: string) => formatDateTime(v) },
            { title: t.createdBy, dataIndex: 'createdByName' },
            {
              title: t.actions,
              key: 'actions',
              render: (_, row) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => void downloadReceiptJson(row).catch(failed)}>
                    {t.receiptJson}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    icon={<FilePdfOutlined />}
                    onClick={() => void downloadReceiptPdf(row).catch(failed)}
                  >
                    {t.receiptPdf}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

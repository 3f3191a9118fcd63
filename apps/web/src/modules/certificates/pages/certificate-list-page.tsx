import { CERTIFICATE_STATUSES, type CertificateStatus } from '@shangmi/shared';
import { Button, Card, Col, Empty, Input, Row, Select, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { Certificate } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate, formatScore } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { CertificateStatusTag } from '../../../ui/status-tags';
import { useUrlState } from '../../../ui/url-state';
import { useIndustries } from '../../enterprises';
import { RegionTreeSelect } from '../../regions';
import { useCertificateList } from '../hooks/use-certificates';
import { useCertificateMessages } from '../messages';

export function CertificateListPage() {
  const t = useCertificateMessages();
  const common = useCommonMessages();
  const labels = useConformanceLabels();
  const industries = useIndustries();
  const url = useUrlState();
  const filters = {
    q: url.get('q'),
    status: CERTIFICATE_STATUSES.find((status) => status === url.get('status')),
    regionId: url.get('regionId'),
    industry: url.get('industry'),
    // Set by the programme dashboard's drill-down: the certificates that count on that day.
    heldOn: url.get('heldOn'),
  };
  const list = useCertificateList({ ...filters, page: url.page, pageSize: url.pageSize });
  const filtered = Boolean(filters.q ?? filters.status ?? filters.regionId ?? filters.industry ?? filters.heldOn);
  return (
    <>
      <PageHeader title={t.listTitle} subtitle={t.listSubtitle} />
      {filters.heldOn ? (
        <Tag color="blue" closable onClose={() => url.set({ heldOn: undefined })} style={{ marginBottom: 12 }}>
          {t.heldOn(filters.heldOn)}
        </Tag>
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
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
            <Select<string>
              aria-label={t.industry}
              placeholder={t.anyIndustry}
              allowClear
              value={filters.industry}
              onChange={(industry) => url.set({ industry })}
              options={(industries.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<CertificateStatus>
              aria-label={t.status}
              placeholder={t.anyStatus}
              allowClear
              value={filters.status}
              onChange={(status) => url.set({ status })}
              options={CERTIFICATE_STATUSES.map((status) => ({
                value: status,
                label: labels.certificateStatus(status),
              }))}
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
          <Table<Certificate>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            data-testid="certificate-table"
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
                title: t.number,
                dataIndex: 'number',
                key: 'number',
                width: 190,
                render: (number: string, certificate) => (
                  <Link to={`/certificates/${certificate.id}`} style={{ fontFamily: 'monospace' }}>
                    {number}
                  </Link>
                ),
              },
              {
                title: t.enterprise,
                key: 'enterprise',
                render: (_value, certificate) => certificate.enterprise.name,
              },
              { title: t.region, dataIndex: 'regionName', key: 'region', width: 110 },
              { title: t.industry, dataIndex: 'industryName', key: 'industry', width: 120 },
              { title: t.standard, dataIndex: 'standardVersionLabel', key: 'standard', width: 240 },
              {
                title: t.score,
                dataIndex: 'scoreBp',
                key: 'score',
                width: 70,
                render: (bp: number) => formatScore(bp),
              },
              {
                title: t.validity,
                key: 'validity',
                width: 200,
                render: (_value, certificate) =>
                  `${formatDate(certificate.validFrom)} ~ ${formatDate(certificate.validUntil)}`,
              },
              {
                title: t.status,
                dataIndex: 'status',
                key: 'status',
                width: 90,
                render: (_value, certificate) => <CertificateStatusTag status={certificate.status} />,
              },
              {
                title: common.actions,
                key: 'actions',
                width: 70,
                fixed: 'right',
                render: (_value, certificate) => <Link to={`/certificates/${certificate.id}`}>{t.view}</Link>,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

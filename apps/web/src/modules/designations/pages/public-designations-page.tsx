import { EnvironmentOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { DESIGNATION_KINDS, STATION_SERVICES, type DesignationKind, type StationService } from '@shangmi/shared';
import { Card, Col, Empty, Flex, Input, Pagination, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { useUrlState } from '../../../ui/url-state';
import { useIndustries } from '../../enterprises/hooks/use-enterprises';
import { PublicFrame } from '../../places/components/public-frame';
import { ServiceTags } from '../../places/components/place-tags';
import { usePlaceLabels } from '../../places/messages';
import { CountySelect } from '../components/county-select';
import { KindTag } from '../components/tags';
import { usePublicDirectory, type PublicDesignation } from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

function DirectoryCard({ entry }: { entry: PublicDesignation }) {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  return (
    <Card
      size="small"
      title={entry.name}
      extra={<KindTag kind={entry.kind} />}
      style={{ height: '100%' }}
      data-testid="public-designation"
    >
      <Flex vertical gap={6}>
        <Typography.Text type="secondary">
          {entry.number} · {entry.countyName} · {t.designatedOn} {formatDate(entry.designatedOn)}
        </Typography.Text>
        {entry.address ? (
          <span>
            <EnvironmentOutlined /> {entry.address}
          </span>
        ) : null}
        {entry.contactName ? (
          <span>
            <UserOutlined /> {t.contactName}
            {t.colon}
            {entry.contactName}
          </span>
        ) : null}
        {entry.contactPhone ? (
          <span>
            <PhoneOutlined /> {entry.contactPhone}
          </span>
        ) : null}
        {entry.status === 'rectifying' ? <Tag color="orange">{labels.designationStatus.rectifying}</Tag> : null}
        {entry.services.length > 0 ? <ServiceTags services={entry.services} /> : null}
      </Flex>
    </Card>
  );
}

/** The public directory of designated bases, stations and enterprises: no login. */
export function PublicDesignationsPage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const placeLabels = usePlaceLabels();
  const common = useCommonMessages();
  const url = useUrlState();
  const industries = useIndustries();
  const filters = {
    q: url.get('q'),
    kind: oneOf<DesignationKind>(DESIGNATION_KINDS, url.get('kind')),
    region: url.get('region'),
    industry: url.get('industry'),
    service: oneOf<StationService>(STATION_SERVICES, url.get('service')),
  };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const list = usePublicDirectory({ ...filters, page: url.page, pageSize: url.pageSize });
  const entries = list.data?.items ?? [];
  return (
    <PublicFrame title={t.publicDirectoryTitle} subtitle={t.publicDirectorySubtitle}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              placeholder={t.searchPublic}
              aria-label={t.searchPublic}
              allowClear
              enterButton={common.search}
              onSearch={(text) => url.set({ q: text.trim() || undefined })}
            />
          </Col>
          <Col xs={12} md={5}>
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
            <CountySelect
              value={filters.region}
              onChange={(region) => url.set({ region })}
              label={t.county}
              placeholder={t.anyCounty}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select<string>
              aria-label={t.industry}
              placeholder={t.anyIndustry}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filters.industry}
              loading={industries.isLoading}
              onChange={(industry) => url.set({ industry })}
              options={(industries.data?.items ?? []).map((item) => ({ value: item.code, label: item.name }))}
              style={{ width: '100%' }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select<StationService>
              aria-label={t.services}
              placeholder={t.anyService}
              allowClear
              value={filters.service}
              onChange={(service) => url.set({ service })}
              options={STATION_SERVICES.map((service) => ({ value: service, label: placeLabels.service[service] }))}
              style={{ width: '100%' }}
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
      ) : entries.length === 0 ? (
        <Card>
          <Empty description={filtered ? t.emptyFiltered : t.emptyPublic} data-testid="public-empty" />
        </Card>
      ) : (
        <>
          <Typography.Text type="secondary">{common.total(list.data?.total ?? 0)}</Typography.Text>
          <Row gutter={[16, 16]} style={{ marginTop: 8 }} data-testid="public-designations">
            {entries.map((entry) => (
              <Col key={entry.number} xs={24} md={12} lg={8}>
                <DirectoryCard entry={entry} />
              </Col>
            ))}
          </Row>
          <Flex justify="end" style={{ marginTop: 16 }}>
            <Pagination
              current={list.data?.page ?? 1}
              pageSize={list.data?.pageSize ?? 20}
              total={list.data?.total ?? 0}
              showSizeChanger
              onChange={(page, pageSize) => url.set({ page, pageSize })}
            />
          </Flex>
        </>
      )}
    </PublicFrame>
  );
}

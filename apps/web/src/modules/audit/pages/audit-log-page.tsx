import { AutoComplete, Button, Card, Col, DatePicker, Empty, Input, Row, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { AuditEntry } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { useAuditLog } from '../hooks/use-audit';
import { useAuditMessages } from '../messages';

function parseInstant(value: string | undefined): Dayjs | null {
  if (!value) {
    return null;
  }
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed : null;
}

export function AuditLogPage() {
  const t = useAuditMessages();
  const labels = useDomainLabels();
  const common = useCommonMessages();
  const url = useUrlState();
  const actor = url.get('actor');
  const entityType = url.get('entityType');
  const entityId = url.get('entityId');
  const from = url.get('from');
  const to = url.get('to');
  const log = useAuditLog({ actor, entityType, entityId, from, to, page: url.page, pageSize: url.pageSize });
  const entityTypeOptions = Object.entries(t.entityTypes).map(([value, label]) => ({
    value,
    label: `${label}（${value}）`,
  }));

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={5}>
            <Input.Search
              key={`actor:${actor ?? ''}`}
              defaultValue={actor}
              placeholder={t.actorPlaceholder}
              aria-label={t.actor}
              allowClear
              onSearch={(value) => url.set({ actor: value.trim() })}
            />
          </Col>
          <Col xs={12} md={5}>
            <AutoComplete
              key={`type:${entityType ?? ''}`}
              defaultValue={entityType}
              options={entityTypeOptions}
              placeholder={t.entityType}
              aria-label={t.entityType}
              allowClear
              style={{ width: '100%' }}
              onSelect={(value: string) => url.set({ entityType: value })}
              onClear={() => url.set({ entityType: undefined })}
              onBlur={(event) => {
                const value = (event.target as HTMLInputElement).value.trim();
                if (value !== (entityType ?? '')) {
                  url.set({ entityType: value });
                }
              }}
            />
          </Col>
          <Col xs={12} md={5}>
            <Input.Search
              key={`id:${entityId ?? ''}`}
              defaultValue={entityId}
              placeholder={t.entityId}
              aria-label={t.entityId}
              allowClear
              onSearch={(value) => url.set({ entityId: value.trim() })}
            />
          </Col>
          <Col xs={24} md={7}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              aria-label={t.timeRange}
              placeholder={[t.start, t.end]}
              value={[parseInstant(from), parseInstant(to)]}
              allowEmpty={[true, true]}
              style={{ width: '100%' }}
              onChange={(range) => {
                const [start, end] = range ?? [null, null];
                url.set({ from: start?.toISOString(), to: end?.toISOString() });
              }}
            />
          </Col>
          <Col xs={24} md={2}>
            <Button block onClick={url.clear}>
              {common.reset}
            </Button>
          </Col>
        </Row>
      </Card>
      <Card>
        {log.isError ? (
          <ErrorResult error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            data-testid="audit-table"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            size="small"
            scroll={{ x: 1200 }}
            locale={{ emptyText: <Empty description={t.empty} /> }}
            pagination={{
              current: log.data?.page ?? url.page,
              pageSize: log.data?.pageSize ?? url.pageSize,
              total: log.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => common.total(total),
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              { title: t.seq, dataIndex: 'seq', key: 'seq', width: 80 },
              { title: t.at, dataIndex: 'at', key: 'at', width: 160, render: (value: string) => formatDateTime(value) },
              {
                title: t.actor,
                dataIndex: 'actorUsername',
                key: 'actor',
                width: 140,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: t.action,
                dataIndex: 'action',
                key: 'action',
                width: 200,
                render: (value: string) => <Tag>{labels.auditAction(value)}</Tag>,
              },
              { title: t.entityType, dataIndex: 'entityType', key: 'entityType', width: 120 },
              {
                title: t.entityId,
                dataIndex: 'entityId',
                key: 'entityId',
                width: 220,
                render: (value: string) => (
                  <Typography.Text
                    copyable={{ text: value }}
                    ellipsis
                    style={{ maxWidth: 200, fontFamily: 'monospace', fontSize: 12 }}
                  >
                    {value}
                  </Typography.Text>
                ),
              },
              {
                title: t.changedFields,
                dataIndex: 'changedFields',
                key: 'changedFields',
                render: (fields: string[]) => (fields.length > 0 ? fields.join('、') : '—'),
              },
              {
                title: t.clientIp,
                dataIndex: 'clientIp',
                key: 'clientIp',
                width: 130,
                render: (value: string | null) => value ?? '—',
              },
              {
                title: t.requestId,
                dataIndex: 'requestId',
                key: 'requestId',
                width: 160,
                render: (value: string | null) =>
                  value ? (
                    <Typography.Text ellipsis style={{ maxWidth: 150, fontFamily: 'monospace', fontSize: 12 }}>
                      {value}
                    </Typography.Text>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

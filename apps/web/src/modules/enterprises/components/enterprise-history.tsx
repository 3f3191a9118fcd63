import { Empty, Table, Tag } from 'antd';
import { useMemo } from 'react';
import type { AuditEntry } from '../../../api/types';
import { useDomainLabels } from '../../../i18n/labels';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { useEnterpriseHistory } from '../hooks/use-enterprises';
import { useEnterpriseMessages, type EnterpriseMessages } from '../messages';

/** The form's label for a field name the server reports, e.g. `employees` → 职工人数. */
function fieldLabel(t: EnterpriseMessages, field: string): string {
  const value: unknown = (t as unknown as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : field;
}

export interface EnterpriseHistoryProps {
  enterpriseId: string;
}

export function EnterpriseHistory({ enterpriseId }: EnterpriseHistoryProps) {
  const t = useEnterpriseMessages();
  const labels = useDomainLabels();
  const history = useEnterpriseHistory(enterpriseId);
  // Newest first, like every other log a reviewer reads.
  const entries = useMemo(() => [...(history.data?.items ?? [])].sort((a, b) => b.seq - a.seq), [history.data]);
  if (history.isError) {
    return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  }
  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="small"
      data-testid="enterprise-history"
      loading={history.isPending}
      dataSource={entries}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.historyEmpty} /> }}
      columns={[
        {
          title: t.historyAt,
          dataIndex: 'at',
          key: 'at',
          width: 170,
          render: (value: string) => formatDateTime(value),
        },
        {
          title: t.historyActor,
          dataIndex: 'actorUsername',
          key: 'actor',
          width: 140,
          render: (value: string | null) => value ?? '—',
        },
        {
          title: t.historyAction,
          dataIndex: 'action',
          key: 'action',
          width: 200,
          render: (value: string) => <Tag>{labels.auditAction(value)}</Tag>,
        },
        {
          title: t.historyFields,
          dataIndex: 'changedFields',
          key: 'changedFields',
          render: (fields: string[]) =>
            fields.length > 0 ? fields.map((field) => fieldLabel(t, field)).join('、') : '—',
        },
      ]}
    />
  );
}

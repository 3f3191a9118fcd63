import { Empty, Table, Tag } from 'antd';
import type { AuditEntry } from '../../../api/types';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { useEnterpriseHistory } from '../hooks/use-enterprises';
import { useEnterpriseMessages } from '../messages';

export interface EnterpriseHistoryProps {
  enterpriseId: string;
}

export function EnterpriseHistory({ enterpriseId }: EnterpriseHistoryProps) {
  const t = useEnterpriseMessages();
  const history = useEnterpriseHistory(enterpriseId);
  if (history.isError) {
    return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  }
  return (
    <Table<AuditEntry>
      rowKey="seq"
      size="small"
      data-testid="enterprise-history"
      loading={history.isPending}
      dataSource={history.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.historyEmpty} /> }}
      columns={[
        { title: t.historyAt, dataIndex: 'at', key: 'at', width: 170, render: (value: string) => formatDateTime(value) },
        { title: t.historyActor, dataIndex: 'actorUsername', key: 'actor', width: 140, render: (value: string | null) => value ?? '—' },
        { title: t.historyAction, dataIndex: 'action', key: 'action', width: 200, render: (value: string) => <Tag>{value}</Tag> },
        {
          title: t.historyFields,
          dataIndex: 'changedFields',
          key: 'changedFields',
          render: (fields: string[]) => (fields.length > 0 ? fields.join('、') : '—'),
        },
      ]}
    />
  );
}

import { Empty, Table, Typography, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { Link } from 'react-router-dom';
import type { Enterprise, EnterpriseSort, Page } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useDomainLabels } from '../../../i18n/labels';
import { formatDate } from '../../../ui/format';
import { useEnterpriseMessages } from '../messages';
import { EnterpriseStatusTag } from './enterprise-status-tag';
import { HonourTags } from './honour-tags';

type SortField = 'name' | 'uscc' | 'createdAt';

function isSortField(value: unknown): value is SortField {
  return value === 'name' || value === 'uscc' || value === 'createdAt';
}

function orderOf(sort: EnterpriseSort | undefined, field: SortField): SortOrder {
  if (sort === field) {
    return 'ascend';
  }
  if (sort === `-${field}`) {
    return 'descend';
  }
  return null;
}

export interface EnterpriseTableProps {
  data: Page<Enterprise> | undefined;
  loading: boolean;
  sort: EnterpriseSort | undefined;
  filtered: boolean;
  canEdit: boolean;
  onPage: (page: number, pageSize: number) => void;
  onSort: (sort: EnterpriseSort | undefined) => void;
}

export function EnterpriseTable({ data, loading, sort, filtered, canEdit, onPage, onSort }: EnterpriseTableProps) {
  const t = useEnterpriseMessages();
  const common = useCommonMessages();
  const labels = useDomainLabels();

  const columns: TableProps<Enterprise>['columns'] = [
    {
      title: t.name,
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: orderOf(sort, 'name'),
      width: 280,
      render: (_value, enterprise) => <Link to={`/enterprises/${enterprise.id}`}>{enterprise.name}</Link>,
    },
    {
      title: t.uscc,
      dataIndex: 'uscc',
      key: 'uscc',
      sorter: true,
      sortOrder: orderOf(sort, 'uscc'),
      width: 200,
      render: (uscc: string) => (
        <Typography.Text style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{uscc}</Typography.Text>
      ),
    },
    { title: t.region, dataIndex: 'regionName', key: 'regionName', width: 150 },
    { title: t.industry, dataIndex: 'industryName', key: 'industryName', width: 120 },
    {
      title: t.size,
      dataIndex: 'size',
      key: 'size',
      width: 90,
      render: (_value, enterprise) => labels.size(enterprise.size),
    },
    {
      title: t.honours,
      dataIndex: 'honours',
      key: 'honours',
      render: (_value, enterprise) => <HonourTags honours={enterprise.honours} />,
    },
    {
      title: t.status,
      dataIndex: 'status',
      key: 'status',
      width: 90,
      render: (_value, enterprise) => <EnterpriseStatusTag status={enterprise.status} />,
    },
    {
      title: t.createdAt,
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: orderOf(sort, 'createdAt'),
      width: 120,
      render: (value: string) => formatDate(value),
    },
    {
      title: common.actions,
      key: 'actions',
      fixed: 'right',
      width: 110,
      render: (_value, enterprise) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/enterprises/${enterprise.id}`}>{common.view}</Link>
          {canEdit && enterprise.status === 'active' ? (
            <Link to={`/enterprises/${enterprise.id}/edit`} style={{ marginLeft: 12 }}>
              {common.edit}
            </Link>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <Table<Enterprise>
      rowKey="id"
      data-testid="enterprise-table"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1400 }}
      size="middle"
      locale={{ emptyText: <Empty description={filtered ? t.empty : t.emptyAll} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => common.total(total),
      }}
      onChange={(pagination, _filters, sorter, extra) => {
        if (extra.action === 'sort') {
          const single = Array.isArray(sorter) ? sorter[0] : sorter;
          const field = single?.columnKey;
          if (single?.order && isSortField(field)) {
            onSort(single.order === 'descend' ? `-${field}` : field);
          } else {
            onSort(undefined);
          }
          return;
        }
        onPage(pagination.current ?? 1, pagination.pageSize ?? 20);
      }}
    />
  );
}

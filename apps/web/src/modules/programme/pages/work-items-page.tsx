import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { WORK_ITEM_DISPLAY_STATUSES, WORK_ITEM_STATUS_LABELS, type WorkItemDisplayStatus } from '@shangmi/shared';
import { App, Button, Card, Col, Empty, Input, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { useUrlState } from '../../../ui/url-state';
import { WorkItemStatusTag } from '../components/pace-tag';
import { ProgrammePicker } from '../components/programme-picker';
import { WorkItemFormModal } from '../components/work-item-form';
import {
  exportWorkItems,
  useActiveProgramme,
  useCreateWorkItem,
  useDepartments,
  useProgramme,
  useWorkItems,
  type WorkItem,
  type WorkItemQuery,
} from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

/** The responsibility list: the office sees all, a county its region, a department its own unit's items. */
export function WorkItemsPage() {
  const t = useProgrammeMessages();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const url = useUrlState();
  const { programmes, active, isLoading, error, choose } = useActiveProgramme();
  const detail = useProgramme(active?.id);
  const status = WORK_ITEM_DISPLAY_STATUSES.find((s) => s === url.get('status'));
  const query: WorkItemQuery = {
    page: url.page,
    pageSize: url.pageSize,
    ...(status ? { status } : {}),
    ...(url.get('taskId') ? { taskId: url.get('taskId') } : {}),
    ...(url.get('owner') ? { ownerOrganizationId: url.get('owner') } : {}),
    ...(url.get('q') ? { q: url.get('q') } : {}),
  };
  const list = useWorkItems(active?.id, query);
  const departments = useDepartments();
  const create = useCreateWorkItem(active?.id ?? '');
  const [creating, setCreating] = useState(false);
  if (isLoading) {
    return <PageLoading />;
  }
  if (error) {
    return <ErrorResult error={error} />;
  }
  if (!active) {
    return <Empty description={t.noProgramme} />;
  }
  return (
    <>
      <PageHeader
        title={t.workItems}
        subtitle={active.title}
        extra={
          <Space wrap>
            <ProgrammePicker programmes={programmes} value={active.id} onChange={choose} />
            <Button
              icon={<FileExcelOutlined />}
              onClick={() => void exportWorkItems(active.id, { ...query, page: undefined, pageSize: undefined })}
            >
              {t.exportExcel}
            </Button>
            {can('programme:write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.newWorkItem}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Input.Search
              allowClear
              placeholder={t.search}
              defaultValue={url.get('q')}
              onSearch={(q) => url.set({ q })}
              aria-label={t.search}
            />
          </Col>
          <Col xs={24} md={5}>
            <Select<WorkItemDisplayStatus>
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyStatus}
              value={status}
              onChange={(v) => url.set({ status: v })}
              options={WORK_ITEM_DISPLAY_STATUSES.map((s) => ({ value: s, label: WORK_ITEM_STATUS_LABELS[s] }))}
              aria-label={t.status}
            />
          </Col>
          <Col xs={24} md={5}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              placeholder={t.owner}
              value={url.get('owner')}
              onChange={(v: string | undefined) => url.set({ owner: v })}
              options={(departments.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
              aria-label={t.owner}
            />
          </Col>
          <Col xs={24} md={6}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyTask}
              value={url.get('taskId')}
              onChange={(v: string | undefined) => url.set({ taskId: v })}
              options={(detail.data?.tasks ?? []).map((task) => ({ value: task.id, label: task.title }))}
            />
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<WorkItem>
            rowKey="id"
            data-testid="work-item-table"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Empty description={t.emptyWorkItems} /> }}
            onRow={(item) => (item.overdue ? { style: { background: '#fff1f0' } } : {})}
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
                title: t.title,
                key: 'title',
                render: (_v, item) => (
                  <Space direction="vertical" size={0}>
                    <Link
                      to={`/programme/work-items/${item.id}`}
                      style={item.overdue ? { color: '#cf1322' } : undefined}
                    >
                      {item.title}
                    </Link>
                    {item.taskTitle ? <Typography.Text type="secondary">{item.taskTitle}</Typography.Text> : null}
                  </Space>
                ),
              },
              { title: t.owner, dataIndex: 'ownerName', key: 'owner', width: 160 },
              {
                title: t.partners,
                key: 'partners',
                width: 200,
                render: (_v, item) => item.partners.map((p) => p.name).join('、') || '—',
              },
              {
                title: t.deadline,
                dataIndex: 'deadline',
                key: 'deadline',
                width: 120,
                render: (deadline: string, item) => (
                  <Typography.Text type={item.overdue ? 'danger' : undefined}>{deadline}</Typography.Text>
                ),
              },
              {
                title: t.status,
                dataIndex: 'displayStatus',
                key: 'status',
                width: 100,
                render: (s: WorkItemDisplayStatus) => <WorkItemStatusTag status={s} />,
              },
            ]}
          />
        )}
      </Card>
      <WorkItemFormModal
        open={creating}
        title={t.newWorkItem}
        tasks={detail.data?.tasks ?? []}
        saving={create.isPending}
        onCancel={() => setCreating(false)}
        onSubmit={(input) => {
          create
            .mutateAsync(input)
            .then(() => {
              setCreating(false);
              message.success(t.saved);
            })
            .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
        }}
      />
    </>
  );
}

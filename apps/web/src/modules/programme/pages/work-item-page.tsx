import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { WORK_ITEM_STATUSES, WORK_ITEM_STATUS_LABELS, type WorkItemStatus } from '@shangmi/shared';
import { App, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Timeline, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { WorkItemStatusTag } from '../components/pace-tag';
import { downloadAttachment, useReportWorkItem, useWorkItem, useWorkItemInspections } from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

interface ReportValues {
  body: string;
  status: WorkItemStatus;
}

/** One work item: its units and deadline, the owning unit's progress reports with attachments. */
export function WorkItemPage() {
  const t = useProgrammeMessages();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const item = useWorkItem(id);
  const report = useReportWorkItem(id);
  const inspections = useWorkItemInspections(item.data?.programmeId, id);
  const [form] = Form.useForm<ReportValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  if (item.isLoading) {
    return <PageLoading />;
  }
  if (item.isError || !item.data) {
    return <ErrorResult error={item.error} />;
  }
  const w = item.data;
  return (
    <>
      <PageHeader
        title={w.title}
        crumbs={[{ title: t.workItems, to: '/programme/work-items' }, { title: w.title }]}
        extra={<WorkItemStatusTag status={w.displayStatus} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t.task}>{w.taskTitle ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t.owner}>{w.ownerName}</Descriptions.Item>
          <Descriptions.Item label={t.partners}>{w.partners.map((p) => p.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t.deadline}>
            <Typography.Text type={w.overdue ? 'danger' : undefined}>{w.deadline}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t.status}>
            <WorkItemStatusTag status={w.displayStatus} />
          </Descriptions.Item>
          <Descriptions.Item label={t.completedOn}>{w.completedOn ?? '—'}</Descriptions.Item>
          {w.meetingId ? (
            <Descriptions.Item label={t.source}>
              <Link to="/programme/meetings">{t.fromMeeting}</Link>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t.description} span={2}>
            {w.description || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {w.canReport ? (
        <Card title={t.newReport} style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="vertical"
            initialValues={{ status: w.status === 'not_started' ? 'in_progress' : w.status }}
            onFinish={(values) => {
              report
                .mutateAsync({
                  body: values.body,
                  status: values.status,
                  files: files.flatMap((f) => (f.originFileObj ? [f.originFileObj] : [])),
                })
                .then(() => {
                  message.success(t.reported);
                  form.resetFields(['body']);
                  setFiles([]);
                })
                .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
            }}
          >
            <Form.Item name="body" label={t.reportBody} rules={[{ required: true, min: 2, message: '请填写进展情况' }]}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
            <Form.Item name="status" label={t.newStatus}>
              <Select<WorkItemStatus>
                style={{ maxWidth: 240 }}
                options={WORK_ITEM_STATUSES.map((s) => ({ value: s, label: WORK_ITEM_STATUS_LABELS[s] }))}
              />
            </Form.Item>
            <Form.Item label={t.attachments}>
              <Upload
                multiple
                fileList={files}
                beforeUpload={() => false}
                onChange={({ fileList }) => setFiles(fileList)}
              >
                <Button icon={<UploadOutlined />}>{t.addFiles}</Button>
              </Upload>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={report.isPending}>
              {t.submit}
            </Button>
          </Form>
        </Card>
      ) : null}
      {(inspections.data?.items.length ?? 0) > 0 ? (
        <Card title={t.inspections} style={{ marginBottom: 16 }} data-testid="work-item-inspections">
          {inspections.data?.items.map((i) => (
            <Typography.Paragraph key={i.id}>
              <Typography.Text strong>
                {i.inspectedOn} {i.inspectors}
              </Typography.Text>
              ：{i.findings}
              {i.requirements ? `（${t.requirements}：${i.requirements}）` : ''}
            </Typography.Paragraph>
          ))}
        </Card>
      ) : null}
      <Card title={t.reports}>
        {w.reports.length === 0 ? (
          <Empty description={t.noReports} />
        ) : (
          <Timeline
            data-testid="work-item-reports"
            items={w.reports.map((r) => ({
              children: (
                <>
                  <Space wrap>
                    <Typography.Text strong>{r.organizationName}</Typography.Text>
                    <Typography.Text type="secondary">
                      {r.authorName} {formatDateTime(r.createdAt)}
                    </Typography.Text>
                    <WorkItemStatusTag status={r.statusAfter} />
                  </Space>
                  <Typography.Paragraph style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>{r.body}</Typography.Paragraph>
                  {r.attachments.map((a) => (
                    <div key={a.id}>
                      <Button
                        type="link"
                        size="small"
                        icon={<PaperClipOutlined />}
                        onClick={() => void downloadAttachment(w.id, a)}
                      >
                        {a.fileName}
                      </Button>
                    </div>
                  ))}
                </>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { INSPECTION_TARGET_LABELS, type InspectionTarget } from '@shangmi/shared';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { ProgrammePicker } from '../components/programme-picker';
import { WorkItemFormModal } from '../components/work-item-form';
import {
  useActiveProgramme,
  useAllocation,
  useCreateInspection,
  useCreateMeeting,
  useDecisionToWorkItem,
  useInspections,
  useMeetings,
  useProgramme,
  useWorkItems,
  type Meeting,
} from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

interface MeetingValues {
  heldOn: Dayjs;
  title: string;
  location: string;
  attendees: string;
  agenda: string;
  minutes?: string;
  decisions?: string;
}

interface InspectionValues {
  target: InspectionTarget;
  regionId?: string;
  workItemId?: string;
  inspectedOn: Dayjs;
  inspectors: string;
  findings: string;
  requirements?: string;
}

const lines = (text: string | undefined) =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Task force meetings (会商) with decisions that become work items, and inspection notes (督查). */
export function MeetingsPage() {
  const t = useProgrammeMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const { programmes, active, isLoading, error, choose } = useActiveProgramme();
  const [meetingPage, setMeetingPage] = useState(1);
  const [inspectionPage, setInspectionPage] = useState(1);
  const detail = useProgramme(active?.id);
  const meetings = useMeetings(active?.id, meetingPage);
  const inspections = useInspections(active?.id, inspectionPage);
  const allocation = useAllocation(active?.id);
  const workItems = useWorkItems(active?.id, { pageSize: 200 });
  const createMeeting = useCreateMeeting(active?.id ?? '');
  const createInspection = useCreateInspection(active?.id ?? '');
  const toWorkItem = useDecisionToWorkItem();
  const [meetingOpen, setMeetingOpen] = useState(false);
  const [inspectionOpen, setInspectionOpen] = useState(false);
  const [decision, setDecision] = useState<{ meeting: Meeting; position: number; text: string } | null>(null);
  const [meetingForm] = Form.useForm<MeetingValues>();
  const [inspectionForm] = Form.useForm<InspectionValues>();
  const target = Form.useWatch('target', inspectionForm);
  const writable = can('programme:write');
  const fail = (e: unknown) => message.error(e instanceof Error ? e.message : String(e));

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
        title={t.meetings}
        subtitle={active.title}
        extra={<ProgrammePicker programmes={programmes} value={active.id} onChange={choose} />}
      />
      <Card>
        <Tabs
          items={[
            {
              key: 'meetings',
              label: t.meetings.split('与')[0] ?? t.meetings,
              children: (
                <>
                  {writable ? (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setMeetingOpen(true)}
                    >
                      {t.newMeeting}
                    </Button>
                  ) : null}
                  <List<Meeting>
                    loading={meetings.isFetching}
                    dataSource={meetings.data?.items ?? []}
                    locale={{ emptyText: <Empty description={t.emptyMeetings} /> }}
                    pagination={{
                      current: meetings.data?.page ?? 1,
                      total: meetings.data?.total ?? 0,
                      pageSize: meetings.data?.pageSize ?? 20,
                      onChange: setMeetingPage,
                    }}
                    renderItem={(m) => (
                      <List.Item key={m.id}>
                        <List.Item.Meta
                          title={`${m.heldOn} · ${m.title}（${m.location}）`}
                          description={
                            <>
                              <Typography.Paragraph>
                                {t.attendees.replace(/（.*）/, '')}：{m.attendees.join('、')}
                              </Typography.Paragraph>
                              <Typography.Paragraph>
                                {t.agenda}：{m.agenda}
                              </Typography.Paragraph>
                              {m.minutes ? (
                                <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }}>
                                  {t.minutes}：{m.minutes}
                                </Typography.Paragraph>
                              ) : null}
                              {m.decisions.map((d) => (
                                <div key={d.position} style={{ marginBottom: 4 }}>
                                  <Space wrap>
                                    <Typography.Text>
                                      {d.position + 1}. {d.text}
                                    </Typography.Text>
                                    {d.workItems > 0 ? <Tag color="blue">{t.workItemCount(d.workItems)}</Tag> : null}
                                    {writable ? (
                                      <Button
                                        size="small"
                                        onClick={() => setDecision({ meeting: m, position: d.position, text: d.text })}
                                      >
                                        {t.toWorkItem}
                                      </Button>
                                    ) : null}
                                  </Space>
                                </div>
                              ))}
                            </>
                          }
                        />
                      </List.Item>
                    )}
                  />
                </>
              ),
            },
            {
              key: 'inspections',
              label: t.inspections,
              children: (
                <>
                  {writable ? (
                    <Button
                      type="primary"
                      icon={<PlusOutlined />}
                      style={{ marginBottom: 12 }}
                      onClick={() => setInspectionOpen(true)}
                    >
                      {t.newInspection}
                    </Button>
                  ) : null}
                  <Table
                    rowKey="id"
                    size="small"
                    loading={inspections.isFetching}
                    dataSource={inspections.data?.items ?? []}
                    locale={{ emptyText: <Empty description={t.emptyInspections} /> }}
                    pagination={{
                      current: inspections.data?.page ?? 1,
                      total: inspections.data?.total ?? 0,
                      pageSize: inspections.data?.pageSize ?? 20,
                      onChange: setInspectionPage,
                    }}
                    columns={[
                      { title: t.inspectedOn, dataIndex: 'inspectedOn', key: 'on', width: 110 },
                      {
                        title: t.inspectionTarget,
                        key: 'target',
                        width: 220,
                        render: (_v, i) =>
                          `${INSPECTION_TARGET_LABELS[i.target]}：${i.target === 'region' ? (i.regionName ?? '') : (i.workItemTitle ?? '')}`,
                      },
                      { title: t.inspectors, dataIndex: 'inspectors', key: 'inspectors', width: 140 },
                      { title: t.findings, dataIndex: 'findings', key: 'findings' },
                      { title: t.requirements, dataIndex: 'requirements', key: 'requirements' },
                    ]}
                  />
                </>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={meetingOpen}
        title={t.newMeeting}
        okText={t.submit}
        cancelText={t.cancel}
        confirmLoading={createMeeting.isPending}
        destroyOnHidden
        onCancel={() => setMeetingOpen(false)}
        onOk={() => {
          void meetingForm.validateFields().then((v) =>
            createMeeting
              .mutateAsync({
                heldOn: v.heldOn.format('YYYY-MM-DD'),
                title: v.title,
                location: v.location,
                attendees: lines(v.attendees),
                agenda: v.agenda,
                minutes: v.minutes ?? '',
                decisions: lines(v.decisions),
              })
              .then(() => setMeetingOpen(false))
              .catch(fail),
          );
        }}
      >
        <Form form={meetingForm} layout="vertical" preserve={false}>
          <Form.Item name="heldOn" label={t.heldOn} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="title" label={t.meetingTitle} rules={[{ required: true, message: '请填写议题名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="location" label={t.location} rules={[{ required: true, message: '请填写地点' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="attendees" label={t.attendees} rules={[{ required: true, message: '请填写参会人员' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="agenda" label={t.agenda} rules={[{ required: true, message: '请填写议程' }]}>
            <Input.TextArea rows={2} maxLength={5000} />
          </Form.Item>
          <Form.Item name="minutes" label={t.minutes}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="decisions" label={t.decisions}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={inspectionOpen}
        title={t.newInspection}
        okText={t.submit}
        cancelText={t.cancel}
        confirmLoading={createInspection.isPending}
        destroyOnHidden
        onCancel={() => setInspectionOpen(false)}
        onOk={() => {
          void inspectionForm.validateFields().then((v) =>
            createInspection
              .mutateAsync({
                target: v.target,
                ...(v.target === 'region' && v.regionId ? { regionId: v.regionId } : {}),
                ...(v.target === 'work_item' && v.workItemId ? { workItemId: v.workItemId } : {}),
                inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
                inspectors: v.inspectors,
                findings: v.findings,
                requirements: v.requirements ?? '',
              })
              .then(() => setInspectionOpen(false))
              .catch(fail),
          );
        }}
      >
        <Form form={inspectionForm} layout="vertical" preserve={false} initialValues={{ target: 'region' }}>
          <Form.Item name="target" label={t.inspectionTarget}>
            <Radio.Group
              options={(['region', 'work_item'] as const).map((v) => ({
                value: v,
                label: INSPECTION_TARGET_LABELS[v],
              }))}
            />
          </Form.Item>
          {target === 'work_item' ? (
            <Form.Item name="workItemId" label={t.title} rules={[{ required: true, message: '请选择工作事项' }]}>
              <Select
                showSearch
                optionFilterProp="label"
                options={(workItems.data?.items ?? []).map((w) => ({ value: w.id, label: w.title }))}
              />
            </Form.Item>
          ) : (
            <Form.Item name="regionId" label={t.region} rules={[{ required: true, message: '请选择区域' }]}>
              <Select options={(allocation.data?.items ?? []).map((r) => ({ value: r.regionId, label: r.name }))} />
            </Form.Item>
          )}
          <Form.Item name="inspectedOn" label={t.inspectedOn} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="inspectors" label={t.inspectors} rules={[{ required: true, message: '请填写督查人员' }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="findings" label={t.findings} rules={[{ required: true, message: '请填写发现的问题' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="requirements" label={t.requirements}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <WorkItemFormModal
        open={decision !== null}
        title={t.toWorkItem}
        tasks={detail.data?.tasks ?? []}
        initialTitle={decision?.text}
        saving={toWorkItem.isPending}
        onCancel={() => setDecision(null)}
        onSubmit={(item) => {
          if (!decision) {
            return;
          }
          toWorkItem
            .mutateAsync({ meetingId: decision.meeting.id, position: decision.position, item })
            .then(() => {
              setDecision(null);
              message.success(t.saved);
            })
            .catch(fail);
        }}
      />
    </>
  );
}

import {
  CARRIER_KINDS,
  CARRIER_KIND_LABELS,
  CARRIER_STATUSES,
  CARRIER_STATUS_LABELS,
  MANUAL_SECRET_EVENT_KINDS,
  MEASURE_STATUSES,
  MEASURE_STATUS_LABELS,
  SECRET_ACCESS_ACTION_LABELS,
  SECRET_CATEGORY_LABELS,
  SECRET_EVENT_KIND_LABELS,
  type CarrierStatus,
  type MeasureStatus,
  type SecretAccessAction,
} from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { ReasonModal } from '../../../ui/reason-modal';
import { PointFormFields, toPointBody, type PointFormValues } from '../components/point-form';
import { LevelTag, PointStatusTag, ReadinessPanel } from '../components/secret-tags';
import {
  useAccessLog,
  useAcknowledge,
  useAddCarrier,
  useAddEvent,
  useAddMeasure,
  usePersonnel,
  usePoint,
  usePointStatus,
  useRequirements,
  useSetScope,
  useUpdateCarrier,
  useUpdateMeasureStatus,
  useUpdatePoint,
  type PointDetail,
} from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';

export function PointDetailPage() {
  const { pointId = '' } = useParams();
  const t = useSecretMessages();
  const point = usePoint(pointId);
  const acknowledge = useAcknowledge(pointId);
  if (point.isPending) {
    return <PageLoading />;
  }
  if (point.isError) {
    const error = point.error;
    if (isApiError(error) && error.type?.endsWith('secret_acknowledgement_required')) {
      return (
        <Card>
          <Result
            status="warning"
            title={t.noticeTitle}
            subTitle={
              <Typography.Paragraph style={{ maxWidth: 640, margin: '0 auto' }}>{error.detail}</Typography.Paragraph>
            }
            extra={
              <Space>
                <Link to="/secrets">{t.backToList}</Link>
                <Button type="primary" loading={acknowledge.isPending} onClick={() => acknowledge.mutate()}>
                  {t.acknowledge}
                </Button>
              </Space>
            }
          />
        </Card>
      );
    }
    return <ErrorResult error={error} onRetry={() => void point.refetch()} />;
  }
  return <PointView point={point.data} />;
}

interface PointViewProps {
  point: PointDetail;
}

function PointView({ point }: PointViewProps) {
  const t = useSecretMessages();
  const status = usePointStatus(point.id);
  const { message } = App.useApp();
  const [reason, setReason] = useState<'declassify' | 'destroy' | null>(null);
  const live = point.status === 'draft' || point.status === 'confirmed';
  const tabs = [
    { key: 'content', label: t.tabContent, children: <ContentTab point={point} /> },
    { key: 'carriers', label: `${t.tabCarriers} (${point.carriers.length})`, children: <CarriersTab point={point} /> },
    { key: 'people', label: `${t.tabPeople} (${point.knowers.length})`, children: <PeopleTab point={point} /> },
    { key: 'measures', label: `${t.tabMeasures} (${point.measures.length})`, children: <MeasuresTab point={point} /> },
    { key: 'events', label: t.tabEvents, children: <EventsTab point={point} /> },
    {
      key: 'attestations',
      label: `${t.tabAttestations} (${point.attestations.length})`,
      children: <AttestationsTab point={point} />,
    },
    ...(point.canManage ? [{ key: 'access', label: t.tabAccess, children: <AccessTab pointId={point.id} /> }] : []),
  ];
  return (
    <>
      <PageHeader
        title={
          <Space>
            <span>{point.name}</span>
            <LevelTag name={point.levelName} core={point.core} />
            <PointStatusTag status={point.status} />
          </Space>
        }
        subtitle={point.number}
        crumbs={[{ title: t.registerTitle, to: '/secrets' }, { title: point.number }]}
        extra={
          point.canManage ? (
            <Space>
              {point.status === 'draft' ? (
                <Button
                  type="primary"
                  loading={status.isPending}
                  onClick={() =>
                    status.mutate({ action: 'confirm' }, { onError: (e) => void message.error(e.message) })
                  }
                >
                  {t.confirm}
                </Button>
              ) : null}
              {live ? <Button onClick={() => setReason('declassify')}>{t.declassify}</Button> : null}
              {point.status !== 'destroyed' ? (
                <Button danger onClick={() => setReason('destroy')}>
                  {t.destroy}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      />
      <Card title={t.readinessTitle} style={{ marginBottom: 16 }}>
        <ReadinessPanel readiness={point.readiness} />
      </Card>
      <Card>
        <Tabs items={tabs} />
      </Card>
      <ReasonModal
        open={reason !== null}
        title={reason === 'destroy' ? t.destroy : t.declassify}
        label={reason === 'destroy' ? t.reasonDestroy : t.reasonDeclassify}
        requiredMessage={reason === 'destroy' ? t.reasonDestroy : t.reasonDeclassify}
        okText={reason === 'destroy' ? t.destroy : t.declassify}
        danger={reason === 'destroy'}
        onClose={() => setReason(null)}
        onSubmit={async (text) => {
          if (reason) {
            await status.mutateAsync({ action: reason, reason: text });
          }
        }}
      />
    </>
  );
}

function ContentTab({ point }: PointViewProps) {
  const t = useSecretMessages();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<PointFormValues>();
  const update = useUpdatePoint(point.id);
  const { message } = App.useApp();
  const live = point.status === 'draft' || point.status === 'confirmed';
  if (editing) {
    return (
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          ...point,
          department: point.department,
          longTerm: point.protectedUntil === null,
          protectedUntil: point.protectedUntil ? dayjs(point.protectedUntil) : null,
          valueStatement: point.valueStatement ?? undefined,
          notes: point.notes ?? undefined,
        }}
        onFinish={(values) =>
          update.mutate(toPointBody(values), {
            onSuccess: () => {
              setEditing(false);
              void message.success(t.saved);
            },
            onError: (e) => void message.error(e.message),
          })
        }
      >
        <PointFormFields levels={[{ code: point.levelCode, name: point.levelName }]} departments={[point.department]} />
        <Space>
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t.save}
          </Button>
          <Button onClick={() => setEditing(false)}>{t.cancel}</Button>
        </Space>
      </Form>
    );
  }
  return (
    <>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        size="small"
        items={[
          { key: 'category', label: t.category, children: SECRET_CATEGORY_LABELS[point.category] },
          { key: 'department', label: t.department, children: point.department },
          {
            key: 'until',
            label: t.protectedUntil,
            children: point.protectedUntil ? formatDate(point.protectedUntil) : t.longTerm,
          },
          { key: 'confirmed', label: t.confirm, children: point.confirmedAt ? formatDateTime(point.confirmedAt) : '—' },
          {
            key: 'content',
            label: t.content,
            span: 2,
            children: (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="point-content">
                {point.content}
              </Typography.Paragraph>
            ),
          },
          { key: 'value', label: t.valueStatement, span: 2, children: point.valueStatement ?? '—' },
          { key: 'notes', label: t.notes, span: 2, children: point.notes ?? '—' },
        ]}
      />
      {live ? (
        <Button style={{ marginTop: 12 }} onClick={() => setEditing(true)}>
          {t.edit}
        </Button>
      ) : null}
    </>
  );
}

function usePeopleOptions(enabled: boolean) {
  const people = usePersonnel({ page: 1, pageSize: 100 }, enabled);
  return (people.data?.items ?? [])
    .filter((p) => p.status !== 'left')
    .map((p) => ({ value: p.id, label: `${p.name}（${p.department}·${p.post}）` }));
}

function CarriersTab({ point }: PointViewProps) {
  const t = useSecretMessages();
  const add = useAddCarrier(point.id);
  const update = useUpdateCarrier(point.id);
  const [form] = Form.useForm<{ kind: string; label: string; location: string; custodianPersonnelId?: string }>();
  const options = usePeopleOptions(point.canManage);
  const { message } = App.useApp();
  const live = point.status === 'draft' || point.status === 'confirmed';
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        dataSource={point.carriers}
        pagination={false}
        locale={{ emptyText: <Empty description={t.noCarriers} /> }}
        columns={[
          {
            title: t.carrierKind,
            dataIndex: 'kind',
            render: (k: (typeof CARRIER_KINDS)[number]) => CARRIER_KIND_LABELS[k],
          },
          { title: t.carrierLabel, dataIndex: 'label' },
          { title: t.location, dataIndex: 'location' },
          { title: t.custodian, dataIndex: 'custodianName', render: (n: string | null) => n ?? '—' },
          {
            title: t.carrierStatus,
            dataIndex: 'status',
            render: (s: CarrierStatus, row) => (
              <Select
                size="small"
                value={s}
                style={{ width: 110 }}
                disabled={update.isPending}
                options={CARRIER_STATUSES.map((v) => ({ value: v, label: CARRIER_STATUS_LABELS[v] }))}
                onChange={(status: CarrierStatus) =>
                  update.mutate({ carrierId: row.id, status }, { onError: (e) => void message.error(e.message) })
                }
              />
            ),
          },
        ]}
      />
      {live ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          onFinish={(values) =>
            add.mutate(
              { ...values, custodianPersonnelId: values.custodianPersonnelId ?? null } as Parameters<
                typeof add.mutate
              >[0],
              { onSuccess: () => form.resetFields(), onError: (e) => void message.error(e.message) },
            )
          }
        >
          <Form.Item name="kind" rules={[{ required: true }]}>
            <Select
              placeholder={t.carrierKind}
              style={{ width: 120 }}
              options={CARRIER_KINDS.map((k) => ({ value: k, label: CARRIER_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="label" rules={[{ required: true, max: 100 }]}>
            <Input placeholder={t.carrierLabel} />
          </Form.Item>
          <Form.Item name="location" rules={[{ required: true, max: 500 }]}>
            <Input placeholder={t.location} style={{ width: 240 }} />
          </Form.Item>
          {point.canManage ? (
            <Form.Item name="custodianPersonnelId">
              <Select
                allowClear
                placeholder={t.custodian}
                style={{ width: 200 }}
                options={options}
                showSearch
                optionFilterProp="label"
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t.addCarrier}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

function PeopleTab({ point }: PointViewProps) {
  const t = useSecretMessages();
  const [editing, setEditing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const setScope = useSetScope(point.id);
  const options = usePeopleOptions(point.canManage);
  const { message } = App.useApp();
  const mark = (b: boolean) => (b ? <Tag color="green">{t.yes}</Tag> : <Tag color="red">{t.no}</Tag>);
  return (
    <>
      {point.canManage ? (
        <Button
          style={{ marginBottom: 12 }}
          onClick={() => {
            setSelected(point.knowers.map((k) => k.personnelId));
            setEditing(true);
          }}
        >
          {t.editScope}
        </Button>
      ) : null}
      <Table
        rowKey="personnelId"
        size="small"
        pagination={false}
        dataSource={point.knowers}
        locale={{ emptyText: <Empty description={t.noKnowers} /> }}
        columns={[
          { title: t.personName, dataIndex: 'name' },
          { title: t.department, dataIndex: 'department' },
          { title: t.post, dataIndex: 'post' },
          { title: t.signedConfidentiality, dataIndex: 'confidentialitySigned', render: mark },
          { title: t.signedNonCompete, dataIndex: 'nonCompeteSigned', render: mark },
          { title: t.trained, dataIndex: 'trained', render: mark },
        ]}
      />
      <Modal
        open={editing}
        title={t.editScope}
        okText={t.save}
        cancelText={t.cancel}
        confirmLoading={setScope.isPending}
        onCancel={() => setEditing(false)}
        onOk={() =>
          setScope.mutate(selected, {
            onSuccess: () => setEditing(false),
            onError: (e) => void message.error(e.message),
          })
        }
      >
        <Select
          mode="multiple"
          style={{ width: '100%' }}
          value={selected}
          onChange={setSelected}
          options={options}
          optionFilterProp="label"
          aria-label={t.knowersField}
          data-testid="scope-select"
        />
      </Modal>
    </>
  );
}

function MeasuresTab({ point }: PointViewProps) {
  const t = useSecretMessages();
  const requirements = useRequirements();
  const add = useAddMeasure(point.id);
  const setStatus = useUpdateMeasureStatus(point.id);
  const [form] = Form.useForm<{ requirementCode?: string; description: string; status: MeasureStatus }>();
  const { message } = App.useApp();
  const live = point.status === 'draft' || point.status === 'confirmed';
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={point.measures}
        locale={{ emptyText: <Empty description={t.noMeasures} /> }}
        columns={[
          {
            title: t.requirement,
            dataIndex: 'requirementCode',
            width: 300,
            render: (code: string | null, row) =>
              code ? (
                <span>
                  <Tag>{code}</Tag>
                  <Typography.Text type="secondary">{row.requirementText}</Typography.Text>
                </span>
              ) : (
                t.requirementNone
              ),
          },
          { title: t.measureDescription, dataIndex: 'description' },
          {
            title: t.measureStatus,
            dataIndex: 'status',
            width: 130,
            render: (s: MeasureStatus, row) => (
              <Select
                size="small"
                value={s}
                style={{ width: 110 }}
                options={MEASURE_STATUSES.map((v) => ({ value: v, label: MEASURE_STATUS_LABELS[v] }))}
                onChange={(status: MeasureStatus) =>
                  setStatus.mutate({ measureId: row.id, status }, { onError: (e) => void message.error(e.message) })
                }
              />
            ),
          },
        ]}
      />
      {live ? (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ status: 'in_place' }}
          onFinish={(values) =>
            add.mutate(
              { ...values, requirementCode: values.requirementCode ?? null },
              { onSuccess: () => form.resetFields(), onError: (e) => void message.error(e.message) },
            )
          }
        >
          <Form.Item name="requirementCode">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t.requirement}
              style={{ width: 320 }}
              options={(requirements.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.text}` }))}
            />
          </Form.Item>
          <Form.Item name="description" rules={[{ required: true, max: 1000 }]}>
            <Input placeholder={t.measureDescription} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="status">
            <Select
              style={{ width: 110 }}
              options={MEASURE_STATUSES.map((v) => ({ value: v, label: MEASURE_STATUS_LABELS[v] }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t.addMeasure}
          </Button>
        </Form>
      ) : null}
    </>
  );
}

function EventsTab({ point }: PointViewProps) {
  const t = useSecretMessages();
  const add = useAddEvent(point.id);
  const [form] = Form.useForm<{
    kind: (typeof MANUAL_SECRET_EVENT_KINDS)[number];
    occurredOn: dayjs.Dayjs;
    note: string;
  }>();
  const { message } = App.useApp();
  return (
    <>
      <Timeline
        items={point.events.map((e) => ({
          key: e.id,
          children: (
            <>
              <Typography.Text strong>{SECRET_EVENT_KIND_LABELS[e.kind]}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatDate(e.occurredOn)} · {e.actorName ?? '—'}
              </Typography.Text>
              {e.note ? <div>{e.note}</div> : null}
            </>
          ),
        }))}
      />
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        initialValues={{ occurredOn: dayjs() }}
        onFinish={(values) =>
          add.mutate(
            { kind: values.kind, occurredOn: values.occurredOn.format('YYYY-MM-DD'), note: values.note },
            { onSuccess: () => form.resetFields(), onError: (e) => void message.error(e.message) },
          )
        }
      >
        <Form.Item name="kind" rules={[{ required: true }]}>
          <Select
            placeholder={t.eventKind}
            style={{ width: 120 }}
            options={MANUAL_SECRET_EVENT_KINDS.map((k) => ({ value: k, label: SECRET_EVENT_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item name="occurredOn" rules={[{ required: true }]}>
          <DatePicker maxDate={dayjs()} />
        </Form.Item>
        <Form.Item name="note" rules={[{ required: true, max: 2000 }]}>
          <Input placeholder={t.note} style={{ width: 280 }} />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t.addEvent}
        </Button>
      </Form>
    </>
  );
}

function AttestationsTab({ point }: PointViewProps) {
  const t = useSecretMessages();
  return (
    <>
      {/* The attestation page hashes files in the browser and links the receipts to this point. */}
      <Link to={`/attestations?secretPointId=${point.id}`} style={{ display: 'inline-block', marginBottom: 12 }}>
        {t.attestForPoint}
      </Link>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={point.attestations}
        locale={{ emptyText: <Empty description={t.noAttestations} /> }}
        columns={[
          { title: t.attestationLabel, dataIndex: 'label', render: (l: string | null) => l ?? '—' },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            render: (h: string) => <Typography.Text code>{h.slice(0, 16)}…</Typography.Text>,
          },
          { title: t.attestedAt, dataIndex: 'createdAt', render: (d: string) => formatDateTime(d) },
          {
            title: t.action,
            key: 'view',
            render: (_: unknown, row) => <Link to={`/attestations/${row.id}`}>{t.view}</Link>,
          },
        ]}
      />
    </>
  );
}

export interface AccessTabProps {
  pointId?: string;
}

export function AccessTab({ pointId }: AccessTabProps) {
  const t = useSecretMessages();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const log = useAccessLog({ ...(pointId ? { pointId } : {}), ...page });
  if (log.isError) {
    return <Alert type="error" title={log.error.message} />;
  }
  return (
    <Table
      rowKey="id"
      size="small"
      loading={log.isFetching}
      dataSource={log.data?.items ?? []}
      locale={{ emptyText: <Empty description={t.noAccess} /> }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: log.data?.total ?? 0,
        onChange: (p, s) => setPage({ page: p, pageSize: s }),
      }}
      columns={[
        { title: t.at, dataIndex: 'at', render: (d: string) => formatDateTime(d) },
        {
          title: t.who,
          key: 'who',
          render: (_: unknown, row) => `${row.displayName ?? '—'}（${row.username ?? row.userId}）`,
        },
        {
          title: t.action,
          dataIndex: 'action',
          render: (a: SecretAccessAction) => SECRET_ACCESS_ACTION_LABELS[a],
        },
        ...(pointId
          ? []
          : [
              {
                title: t.name,
                key: 'point',
                render: (_: unknown, row: { pointNumber: string | null; pointName: string | null }) =>
                  row.pointNumber ? `${row.pointNumber} ${row.pointName ?? ''}` : '—',
              },
            ]),
      ]}
    />
  );
}

import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DECLASSIFICATION_PERIOD_MAX_MONTHS,
  OFFBOARDING_STATUS_LABELS,
  OFFBOARDING_STEP_LABELS,
  type OffboardingStatus,
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
  Progress,
  Select,
  Space,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { useUrlState } from '../../../ui/url-state';
import {
  useAgreements,
  useDownloads,
  useOffboarding,
  useOffboardingAction,
  useOffboardings,
  usePerson,
  usePersonnel,
  useStartOffboarding,
  type Offboarding,
  type OffboardingPage,
  type OffboardingStep,
} from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';

export function OffboardingsPage() {
  const t = useSecretMessages();
  const url = useUrlState();
  const [params] = useSearchParams();
  const status = url.get('status') as OffboardingStatus | undefined;
  const list = useOffboardings({ status, page: url.page, pageSize: url.pageSize });
  const [wizard, setWizard] = useState(params.get('start') !== null);
  return (
    <>
      <PageHeader
        title={t.offboardingsTitle}
        subtitle={t.offboardingsSubtitle}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setWizard(true)}>
            {t.startOffboarding}
          </Button>
        }
      />
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<OffboardingPage['items'][number]>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t.emptyOffboardings} /> }}
            pagination={{
              current: url.page,
              pageSize: url.pageSize,
              total: list.data?.total ?? 0,
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              {
                title: t.person,
                dataIndex: 'personnelName',
                render: (name: string, row) => (
                  <Space>
                    <Link to={`/secrets/offboardings/${row.id}`}>{name}</Link>
                    {row.highRisk ? <Tag color="red">{t.highRisk}</Tag> : null}
                  </Space>
                ),
              },
              { title: t.department, dataIndex: 'personnelDepartment' },
              { title: t.leavingOn, dataIndex: 'leavingOn', render: (d: string) => formatDate(d) },
              {
                title: t.declassificationUntil,
                dataIndex: 'declassificationUntil',
                render: (d: string | null) => (d ? formatDate(d) : '—'),
              },
              {
                title: t.progress,
                key: 'progress',
                render: (_: unknown, row) => (
                  <Space>
                    <Progress percent={Math.round((row.stepsDone / 5) * 100)} size="small" style={{ width: 100 }} />
                    {row.stepsOverdue > 0 ? <Tag color="red">{`${t.overdue} ${row.stepsOverdue}`}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t.status,
                dataIndex: 'status',
                render: (s: OffboardingStatus) => OFFBOARDING_STATUS_LABELS[s],
              },
            ]}
          />
        )}
      </Card>
      <OffboardingWizard
        open={wizard}
        initialPersonId={params.get('start') ?? undefined}
        onClose={() => setWizard(false)}
      />
    </>
  );
}

interface OffboardingWizardProps {
  open: boolean;
  initialPersonId?: string;
  onClose: () => void;
}

/** Three steps: who leaves, the dates (leaving day, 脱密期), and a confirmation that shows the risk. */
function OffboardingWizard({ open, initialPersonId, onClose }: OffboardingWizardProps) {
  const t = useSecretMessages();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [personId, setPersonId] = useState<string | undefined>(initialPersonId);
  const [dates, setDates] = useState<{ leavingOn?: Dayjs; declassificationUntil?: Dayjs | null }>({});
  const people = usePersonnel({ status: 'active', page: 1, pageSize: 100 }, open);
  const person = usePerson(personId ?? '');
  const start = useStartOffboarding();
  const { message } = App.useApp();
  useEffect(() => {
    if (!open) {
      setStep(0);
    }
  }, [open]);
  const knowsCore = person.data?.points.some((p) => p.core && (p.status === 'draft' || p.status === 'confirmed'));
  return (
    <Modal
      open={open}
      title={t.startOffboarding}
      width={640}
      onCancel={onClose}
      footer={
        <Space>
          {step > 0 ? <Button onClick={() => setStep(step - 1)}>{t.previous}</Button> : null}
          {step < 2 ? (
            <Button
              type="primary"
              disabled={(step === 0 && !personId) || (step === 1 && !dates.leavingOn)}
              onClick={() => setStep(step + 1)}
            >
              {t.next}
            </Button>
          ) : (
            <Button
              type="primary"
              loading={start.isPending}
              onClick={() =>
                personId &&
                dates.leavingOn &&
                start.mutate(
                  {
                    personnelId: personId,
                    leavingOn: dates.leavingOn.format('YYYY-MM-DD'),
                    declassificationUntil: dates.declassificationUntil
                      ? dates.declassificationUntil.format('YYYY-MM-DD')
                      : null,
                  },
                  {
                    onSuccess: (saved) => {
                      onClose();
                      void navigate(`/secrets/offboardings/${saved.id}`);
                    },
                    onError: (e) => void message.error(e.message),
                  },
                )
              }
            >
              {t.start}
            </Button>
          )}
        </Space>
      }
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: t.wizardPerson }, { title: t.wizardDates }, { title: t.wizardConfirm }]}
      />
      {step === 0 ? (
        <Select
          showSearch
          style={{ width: '100%' }}
          optionFilterProp="label"
          placeholder={t.person}
          value={personId}
          onChange={setPersonId}
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.department}·${p.post}）${p.knowsCore ? ' · 知悉核心商密' : ''}`,
          }))}
        />
      ) : null}
      {step === 1 ? (
        <Form layout="vertical">
          <Form.Item label={t.leavingOn} required>
            <DatePicker
              value={dates.leavingOn}
              minDate={dayjs()}
              onChange={(leavingOn: Dayjs | null) => setDates({ ...dates, leavingOn: leavingOn ?? undefined })}
            />
          </Form.Item>
          <Form.Item
            label={t.declassificationUntil}
            extra={`脱密期应在离职日之前结束，一般不超过 ${DECLASSIFICATION_PERIOD_MAX_MONTHS} 个月`}
          >
            <DatePicker
              value={dates.declassificationUntil}
              minDate={dayjs()}
              maxDate={dates.leavingOn}
              onChange={(declassificationUntil) => setDates({ ...dates, declassificationUntil })}
            />
          </Form.Item>
        </Form>
      ) : null}
      {step === 2 && person.data ? (
        <>
          {knowsCore ? <Alert type="error" showIcon title={t.highRiskWarning} style={{ marginBottom: 12 }} /> : null}
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'p', label: t.person, children: `${person.data.name}（${person.data.department}）` },
              { key: 'l', label: t.leavingOn, children: dates.leavingOn?.format('YYYY-MM-DD') },
              {
                key: 'd',
                label: t.declassificationUntil,
                children: dates.declassificationUntil?.format('YYYY-MM-DD') ?? '—',
              },
              { key: 'k', label: t.pointsKnown, children: person.data.points.map((p) => p.number).join('、') || '—' },
              { key: 'c', label: t.carriersToReturn, children: person.data.carriersHeld },
            ]}
          />
        </>
      ) : null}
    </Modal>
  );
}

export function OffboardingDetailPage() {
  const { offboardingId = '' } = useParams();
  const t = useSecretMessages();
  const off = useOffboarding(offboardingId);
  if (off.isPending) {
    return <PageLoading />;
  }
  if (off.isError) {
    return <ErrorResult error={off.error} onRetry={() => void off.refetch()} />;
  }
  return <OffboardingView off={off.data} title={t.offboardingsTitle} />;
}

interface OffboardingViewProps {
  off: Offboarding;
  title: string;
}

function OffboardingView({ off, title }: OffboardingViewProps) {
  const t = useSecretMessages();
  const act = useOffboardingAction(off.id);
  const downloads = useDownloads();
  const agreements = useAgreements({
    personnelId: off.personnelId,
    kind: 'non_compete',
    status: 'active',
    page: 1,
    pageSize: 20,
  });
  const { message } = App.useApp();
  const [completing, setCompleting] = useState<OffboardingStep | null>(null);
  const [note, setNote] = useState('');
  const [agreementId, setAgreementId] = useState<string | undefined>();
  return (
    <>
      <PageHeader
        title={
          <Space>
            {off.personnelName}
            {off.highRisk ? <Tag color="red">{t.highRisk}</Tag> : null}
            <Tag>{OFFBOARDING_STATUS_LABELS[off.status]}</Tag>
          </Space>
        }
        subtitle={`${off.personnelDepartment} · ${off.personnelPost}`}
        crumbs={[{ title, to: '/secrets/offboardings' }, { title: off.personnelName }]}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void downloads.reminderLetter(off.id)}>
            {t.reminderLetter}
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'l', label: t.leavingOn, children: formatDate(off.leavingOn) },
            {
              key: 'd',
              label: t.declassificationUntil,
              children: off.declassificationUntil ? formatDate(off.declassificationUntil) : '—',
            },
            {
              key: 'p',
              label: t.pointsKnown,
              children: off.knownPoints.map((p) => (
                <Tag key={p.id} color={p.core ? 'red' : undefined}>
                  {p.number} {p.name}
                </Tag>
              )),
            },
            {
              key: 'c',
              label: t.carriersToReturn,
              children: off.carriersHeld.map((c) => `${c.pointNumber} ${c.label}`).join('、') || '—',
            },
          ]}
        />
      </Card>
      <Card title={t.checklist} style={{ marginBottom: 16 }}>
        <Table
          rowKey="step"
          size="small"
          pagination={false}
          dataSource={off.steps}
          columns={[
            { title: t.checklist, dataIndex: 'step', render: (s: OffboardingStep) => OFFBOARDING_STEP_LABELS[s] },
            {
              title: t.dueOn,
              dataIndex: 'dueOn',
              render: (d: string, row) => (
                <Space>
                  {formatDate(d)}
                  {row.overdue ? <Tag color="red">{t.overdue}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t.doneAt,
              dataIndex: 'doneAt',
              render: (d: string | null, row) => (d ? `${formatDateTime(d)} ${row.doneByName ?? ''}` : '—'),
            },
            { title: t.note, dataIndex: 'note', render: (n: string | null) => n ?? '' },
            {
              title: t.action,
              key: 'action',
              render: (_: unknown, row) =>
                row.doneAt || off.status !== 'open' ? null : (
                  <Button size="small" type="primary" onClick={() => setCompleting(row.step)}>
                    {t.markDone}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t.payments}>
        <Table
          rowKey="id"
          size="small"
          dataSource={off.payments}
          pagination={{ pageSize: 12, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t.noPayments} /> }}
          columns={[
            { title: t.month, dataIndex: 'monthIndex' },
            { title: t.dueOn, dataIndex: 'dueOn', render: (d: string) => formatDate(d) },
            { title: t.amount, dataIndex: 'amount', render: (a: number) => a.toFixed(2) },
            {
              title: t.paidOn,
              dataIndex: 'paidOn',
              render: (d: string | null, row) =>
                d ? (
                  formatDate(d)
                ) : (
                  <Button
                    size="small"
                    onClick={() =>
                      act.mutate(
                        { kind: 'paid', paymentId: row.id, paidOn: dayjs().format('YYYY-MM-DD') },
                        { onError: (e) => void message.error(e.message) },
                      )
                    }
                  >
                    {t.markPaid}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={completing !== null}
        title={completing ? OFFBOARDING_STEP_LABELS[completing] : ''}
        okText={t.markDone}
        cancelText={t.cancel}
        confirmLoading={act.isPending}
        onCancel={() => setCompleting(null)}
        onOk={() =>
          completing &&
          act.mutate(
            { kind: 'step', step: completing, note: note || null, agreementId: agreementId ?? null },
            {
              onSuccess: () => {
                setCompleting(null);
                setNote('');
                setAgreementId(undefined);
              },
              onError: (e) => void message.error(e.message),
            },
          )
        }
      >
        {completing === 'non_compete_activated' ? (
          <Select
            allowClear
            style={{ width: '100%', marginBottom: 12 }}
            placeholder={t.chooseAgreement}
            value={agreementId}
            onChange={setAgreementId}
            options={(agreements.data?.items ?? []).map((a) => ({
              value: a.id,
              label: `${a.restrictedMonths ?? '—'} 个月 / 每月 ${a.monthlyCompensation ?? '—'} 元（签于 ${a.signedOn}）`,
            }))}
          />
        ) : null}
        {completing === 'reminder_letter' ? (
          <Typography.Paragraph>
            <a onClick={() => void downloads.reminderLetter(off.id)}>{t.reminderLetter}</a>
          </Typography.Paragraph>
        ) : null}
        <Input.TextArea rows={3} placeholder={t.note} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}

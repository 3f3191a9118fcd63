import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { PERSONNEL_STATUSES, PERSONNEL_STATUS_LABELS, type PersonnelStatus } from '@shangmi/shared';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { useUrlState } from '../../../ui/url-state';
import { LevelTag } from '../components/secret-tags';
import {
  useAddTraining,
  useCreatePerson,
  useEnterpriseAccounts,
  useUpdatePerson,
  useDownloads,
  usePerson,
  usePersonnel,
  type Person,
} from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';
import { AgreementTable, CreateAgreementModal } from './agreements-page';

const yesNo = (b: boolean, yes: string, no: string) =>
  b ? <Tag color="green">{yes}</Tag> : <Tag color="red">{no}</Tag>;

export function PersonnelPage() {
  const t = useSecretMessages();
  const url = useUrlState();
  const navigate = useNavigate();
  const downloads = useDownloads();
  const filters = { q: url.get('q'), status: url.get('status') as PersonnelStatus | undefined };
  const list = usePersonnel({ ...filters, page: url.page, pageSize: url.pageSize });
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t.personnelTitle}
        subtitle={t.personnelSubtitle}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void downloads.exportPersonnel()}>
              {t.exportPoints}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t.newPerson}
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Input.Search
              allowClear
              defaultValue={filters.q}
              placeholder={t.personName}
              onSearch={(q) => url.set({ q })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyStatus}
              value={filters.status}
              options={PERSONNEL_STATUSES.map((s) => ({ value: s, label: PERSONNEL_STATUS_LABELS[s] }))}
              onChange={(status?: string) => url.set({ status })}
            />
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Person>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={t.emptyPersonnel} /> }}
            pagination={{
              current: url.page,
              pageSize: url.pageSize,
              total: list.data?.total ?? 0,
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            columns={[
              {
                title: t.personName,
                dataIndex: 'name',
                render: (name: string, row) => <Link to={`/secrets/personnel/${row.id}`}>{name}</Link>,
              },
              { title: t.department, dataIndex: 'department' },
              { title: t.post, dataIndex: 'post' },
              {
                title: t.status,
                dataIndex: 'status',
                render: (s: PersonnelStatus) => PERSONNEL_STATUS_LABELS[s],
              },
              {
                title: t.knownPoints,
                key: 'known',
                render: (_: unknown, row) => (
                  <Space>
                    {row.knownPoints}
                    {row.knowsCore ? <Tag color="red">{t.knowsCore}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t.signedConfidentiality,
                dataIndex: 'confidentialitySigned',
                render: (b: boolean) => yesNo(b, t.yes, t.no),
              },
              {
                title: t.signedNonCompete,
                dataIndex: 'nonCompeteSigned',
                render: (b: boolean) => yesNo(b, t.yes, t.no),
              },
              { title: t.trained, dataIndex: 'trained', render: (b: boolean) => yesNo(b, t.yes, t.no) },
              { title: t.account, dataIndex: 'username', render: (u: string | null) => u ?? '—' },
            ]}
          />
        )}
      </Card>
      <CreatePersonModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) {
            void navigate(`/secrets/personnel/${id}`);
          }
        }}
      />
    </>
  );
}

interface CreatePersonModalProps {
  open: boolean;
  onClose: (id?: string) => void;
}

function CreatePersonModal({ open, onClose }: CreatePersonModalProps) {
  const t = useSecretMessages();
  const [form] = Form.useForm<{ name: string; department: string; post: string; hireDate: Dayjs }>();
  const create = useCreatePerson();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t.newPerson}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={() => onClose()}
      onOk={() => {
        void form.validateFields().then((values) =>
          create.mutate(
            { ...values, hireDate: values.hireDate.format('YYYY-MM-DD') },
            {
              onSuccess: (saved) => {
                form.resetFields();
                onClose(saved.id);
              },
              onError: (e) => void message.error(e.message),
            },
          ),
        );
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="name" label={t.personName} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="department" label={t.department} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="post" label={t.post} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hireDate" label={t.hireDate} rules={[{ required: true }]}>
          <DatePicker maxDate={dayjs()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PersonDetailPage() {
  const { personnelId = '' } = useParams();
  const t = useSecretMessages();
  const person = usePerson(personnelId);
  const addTraining = useAddTraining(personnelId);
  const [form] = Form.useForm<{ trainedOn: Dayjs; topic: string; hours: number }>();
  const { message } = App.useApp();
  const [agreeing, setAgreeing] = useState(false);
  if (person.isPending) {
    return <PageLoading />;
  }
  if (person.isError) {
    return <ErrorResult error={person.error} onRetry={() => void person.refetch()} />;
  }
  const p = person.data;
  return (
    <>
      <PageHeader
        title={p.name}
        subtitle={`${p.department} · ${p.post}`}
        crumbs={[{ title: t.personnelTitle, to: '/secrets/personnel' }, { title: p.name }]}
        extra={
          p.openOffboardingId ? (
            <Link to={`/secrets/offboardings/${p.openOffboardingId}`}>{t.offboardingsTitle}</Link>
          ) : p.status !== 'left' ? (
            <Link to={`/secrets/offboardings?start=${p.id}`}>{t.startOffboarding}</Link>
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'hire', label: t.hireDate, children: formatDate(p.hireDate) },
            { key: 'status', label: t.status, children: PERSONNEL_STATUS_LABELS[p.status] },
            { key: 'account', label: t.account, children: <AccountLink personnelId={p.id} userId={p.userId} /> },
            { key: 'conf', label: t.signedConfidentiality, children: yesNo(p.confidentialitySigned, t.yes, t.no) },
            { key: 'nc', label: t.signedNonCompete, children: yesNo(p.nonCompeteSigned, t.yes, t.no) },
            { key: 'carriers', label: t.carriersToReturn, children: p.carriersHeld },
          ]}
        />
      </Card>
      <Card title={t.pointsKnown} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.points}
          locale={{ emptyText: <Empty description={t.noKnowers} /> }}
          columns={[
            { title: t.number, dataIndex: 'number' },
            {
              title: t.name,
              dataIndex: 'name',
              render: (name: string, row) => <Link to={`/secrets/points/${row.id}`}>{name}</Link>,
            },
            {
              title: t.level,
              key: 'level',
              render: (_: unknown, row) => <LevelTag name={row.levelName} core={row.core} />,
            },
          ]}
        />
      </Card>
      <Card
        title={t.navAgreements}
        style={{ marginBottom: 16 }}
        extra={<Button onClick={() => setAgreeing(true)}>{t.newAgreement}</Button>}
      >
        <AgreementTable personnelId={p.id} />
      </Card>
      <CreateAgreementModal open={agreeing} personnelId={p.id} onClose={() => setAgreeing(false)} />
      <Card title={t.trainings}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={p.trainings}
          columns={[
            { title: t.trainedOn, dataIndex: 'trainedOn', render: (d: string) => formatDate(d) },
            { title: t.topic, dataIndex: 'topic' },
            { title: t.hours, dataIndex: 'hours' },
          ]}
        />
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ trainedOn: dayjs(), hours: 2 }}
          onFinish={(values) =>
            addTraining.mutate(
              { ...values, trainedOn: values.trainedOn.format('YYYY-MM-DD') },
              { onSuccess: () => form.resetFields(), onError: (e) => void message.error(e.message) },
            )
          }
        >
          <Form.Item name="trainedOn" rules={[{ required: true }]}>
            <DatePicker maxDate={dayjs()} />
          </Form.Item>
          <Form.Item name="topic" rules={[{ required: true, max: 200 }]}>
            <Input placeholder={t.topic} />
          </Form.Item>
          <Form.Item name="hours" rules={[{ required: true }]}>
            <InputNumber min={0.1} max={200} step={0.5} addonAfter={t.hours} />
          </Form.Item>
          <Button htmlType="submit" loading={addTraining.isPending}>
            {t.addTraining}
          </Button>
        </Form>
      </Card>
    </>
  );
}

interface AccountLinkProps {
  personnelId: string;
  userId: string | null;
}

/** Links the person to their platform account: an enterprise user then sees only their knowledge scope. */
function AccountLink({ personnelId, userId }: AccountLinkProps) {
  const t = useSecretMessages();
  const accounts = useEnterpriseAccounts(true);
  const update = useUpdatePerson(personnelId);
  const { message } = App.useApp();
  return (
    <Select
      allowClear
      size="small"
      style={{ minWidth: 200 }}
      placeholder={t.accountHint}
      value={userId ?? undefined}
      loading={accounts.isPending || update.isPending}
      options={(accounts.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
      onChange={(value?: string) =>
        update.mutate({ userId: value ?? null }, { onError: (e) => void message.error(e.message) })
      }
      aria-label={t.account}
    />
  );
}

import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { AGREEMENT_KINDS, AGREEMENT_KIND_LABELS, NON_COMPETE_MAX_MONTHS, type AgreementKind } from '@shangmi/shared';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import {
  useAgreements,
  useAttention,
  useCreateAgreement,
  useDownloads,
  usePersonnel,
  useTerminateAgreement,
  useUploadAgreementDocument,
  type Agreement,
} from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';

export interface AgreementTableProps {
  personnelId?: string;
  kind?: AgreementKind;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
}

export function AgreementTable({ personnelId, kind, page = 1, pageSize = 20, onPage }: AgreementTableProps) {
  const t = useSecretMessages();
  const list = useAgreements({ personnelId, kind, page, pageSize });
  const terminate = useTerminateAgreement();
  const uploadDoc = useUploadAgreementDocument();
  const downloads = useDownloads();
  const { message, modal } = App.useApp();
  return (
    <Table<Agreement>
      rowKey="id"
      size="small"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <Empty description={t.emptyAgreements} /> }}
      pagination={
        onPage
          ? { current: page, pageSize, total: list.data?.total ?? 0, onChange: onPage }
          : { pageSize: 10, hideOnSinglePage: true }
      }
      columns={[
        ...(personnelId
          ? []
          : [
              {
                title: t.person,
                key: 'person',
                render: (_: unknown, row: Agreement) => (
                  <Link to={`/secrets/personnel/${row.personnelId}`}>{row.personnelName}</Link>
                ),
              },
            ]),
        { title: t.kind, dataIndex: 'kind', render: (k: AgreementKind) => AGREEMENT_KIND_LABELS[k] },
        { title: t.signedOn, dataIndex: 'signedOn', render: (d: string) => formatDate(d) },
        {
          title: t.effectiveUntil,
          dataIndex: 'effectiveUntil',
          render: (d: string | null) => (d ? formatDate(d) : t.longTerm),
        },
        {
          title: t.restrictedMonths,
          key: 'nc',
          render: (_: unknown, row: Agreement) =>
            row.kind === 'non_compete'
              ? `${row.restrictedMonths ?? '—'} 个月 / ${row.monthlyCompensation ?? '—'} 元`
              : '—',
        },
        {
          title: t.status,
          dataIndex: 'inForce',
          render: (b: boolean) => (b ? <Tag color="green">{t.inForce}</Tag> : <Tag>{t.notInForce}</Tag>),
        },
        {
          title: t.document,
          key: 'doc',
          render: (_: unknown, row: Agreement) => (
            <Space>
              {row.documentName ? (
                <a onClick={() => void downloads.agreementDocument(row.id)}>{row.documentName}</a>
              ) : null}
              <Upload
                showUploadList={false}
                maxCount={1}
                beforeUpload={(file) => {
                  uploadDoc.mutate({ agreementId: row.id, file }, { onError: (e) => void message.error(e.message) });
                  return false;
                }}
              >
                <Button size="small" icon={<UploadOutlined />}>
                  {t.upload}
                </Button>
              </Upload>
            </Space>
          ),
        },
        {
          title: t.action,
          key: 'actions',
          render: (_: unknown, row: Agreement) =>
            row.status === 'active' ? (
              <Button
                size="small"
                danger
                onClick={() =>
                  void modal.confirm({
                    title: t.terminate,
                    content: `${row.personnelName} · ${AGREEMENT_KIND_LABELS[row.kind]}`,
                    onOk: () => terminate.mutateAsync({ agreementId: row.id, reason: '协议终止' }),
                  })
                }
              >
                {t.terminate}
              </Button>
            ) : null,
        },
      ]}
    />
  );
}

export function AgreementsPage() {
  const t = useSecretMessages();
  const url = useUrlState();
  const downloads = useDownloads();
  const attention = useAttention(true);
  const kind = url.get('kind') as AgreementKind | undefined;
  const [creating, setCreating] = useState(false);
  const rates = attention.data?.signingRates;
  return (
    <>
      <PageHeader
        title={t.agreementsTitle}
        subtitle={t.agreementsSubtitle}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void downloads.exportAgreements()}>
              {t.exportPoints}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t.newAgreement}
            </Button>
          </Space>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t.confidentialityRate}
              value={rates?.confidentialityRate ?? '—'}
              suffix={rates?.confidentialityRate === null ? undefined : '%'}
            />
            {rates ? `${rates.confidentialitySigned} / ${rates.knowers}` : null}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t.nonCompeteRate}
              value={rates?.nonCompeteRate ?? '—'}
              suffix={rates?.nonCompeteRate === null ? undefined : '%'}
            />
            {rates ? `${rates.nonCompeteSigned} / ${rates.coreKnowers}` : null}
          </Card>
        </Col>
        <Col xs={24} md={6}>
          <Select
            allowClear
            placeholder={t.kind}
            style={{ width: '100%' }}
            value={kind}
            options={AGREEMENT_KINDS.map((k) => ({ value: k, label: AGREEMENT_KIND_LABELS[k] }))}
            onChange={(k?: string) => url.set({ kind: k })}
          />
        </Col>
      </Row>
      <Card>
        <AgreementTable
          kind={kind}
          page={url.page}
          pageSize={url.pageSize}
          onPage={(page, pageSize) => url.set({ page, pageSize })}
        />
      </Card>
      <CreateAgreementModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

interface AgreementFormValues {
  personnelId: string;
  kind: AgreementKind;
  signedOn: Dayjs;
  effectiveFrom: Dayjs;
  effectiveUntil?: Dayjs | null;
  restrictedMonths?: number;
  monthlyCompensation?: number;
}

export interface CreateAgreementModalProps {
  open: boolean;
  personnelId?: string;
  onClose: () => void;
}

export function CreateAgreementModal({ open, personnelId, onClose }: CreateAgreementModalProps) {
  const t = useSecretMessages();
  const [form] = Form.useForm<AgreementFormValues>();
  const create = useCreateAgreement();
  const people = usePersonnel({ page: 1, pageSize: 100 }, open);
  const kind = Form.useWatch('kind', form);
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t.newAgreement}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => {
        void form.validateFields().then((v) =>
          create.mutate(
            {
              personnelId: v.personnelId,
              kind: v.kind,
              signedOn: v.signedOn.format('YYYY-MM-DD'),
              effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
              effectiveUntil: v.effectiveUntil ? v.effectiveUntil.format('YYYY-MM-DD') : null,
              ...(v.kind === 'non_compete'
                ? { restrictedMonths: v.restrictedMonths ?? null, monthlyCompensation: v.monthlyCompensation ?? null }
                : {}),
            },
            {
              onSuccess: () => {
                form.resetFields();
                onClose();
              },
              onError: (e) => {
                if (isApiError(e) && e.errors.length > 0) {
                  form.setFields(
                    e.errors.map((fe) => ({ name: fe.field as keyof AgreementFormValues, errors: [fe.message] })),
                  );
                }
                void message.error(e.message);
              },
            },
          ),
        );
      }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'confidentiality', signedOn: dayjs(), effectiveFrom: dayjs(), personnelId }}
      >
        <Form.Item name="personnelId" label={t.person} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.department}）` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t.kind} rules={[{ required: true }]}>
          <Select options={AGREEMENT_KINDS.map((k) => ({ value: k, label: AGREEMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="signedOn" label={t.signedOn} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t.effectiveFrom} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="effectiveUntil" label={t.effectiveUntil}>
            <DatePicker />
          </Form.Item>
        </Space>
        {kind === 'non_compete' ? (
          <Space wrap>
            <Form.Item
              name="restrictedMonths"
              label={t.restrictedMonths}
              rules={[{ required: true }]}
              extra={`≤ ${NON_COMPETE_MAX_MONTHS}`}
            >
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="monthlyCompensation" label={t.monthlyCompensation} rules={[{ required: true }]}>
              <InputNumber min={0} step={100} />
            </Form.Item>
          </Space>
        ) : null}
      </Form>
    </Modal>
  );
}

import { DownloadOutlined, PlusOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import {
  SECRET_CATEGORY_LABELS,
  SECRET_POINT_STATUSES,
  SECRET_POINT_STATUS_LABELS,
  type SecretCategory,
  type SecretPointStatus,
} from '@shangmi/shared';
import { App, Button, Card, Col, Empty, Form, Input, Modal, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { LevelsModal } from '../components/levels-modal';
import { categoryOptions, PointFormFields, toPointBody, type PointFormValues } from '../components/point-form';
import { LevelTag, PointStatusTag, ReadinessBar } from '../components/secret-tags';
import {
  useCreatePoint,
  useDownloads,
  useImportPoints,
  useRegister,
  type ImportReport,
  type PointListItem,
} from '../hooks/use-secrets';
import { useSecretMessages } from '../messages';

const READINESS_STEPS = [50, 80, 101];

export function RegisterPage() {
  const t = useSecretMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const url = useUrlState();
  const downloads = useDownloads();
  const filters = {
    q: url.get('q'),
    category: url.get('category') as SecretCategory | undefined,
    level: url.get('level'),
    status: url.get('status') as SecretPointStatus | undefined,
    department: url.get('department'),
    readinessBelow: url.get('readinessBelow') ? Number(url.get('readinessBelow')) : undefined,
  };
  const list = useRegister({ ...filters, page: url.page, pageSize: url.pageSize });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [levelsOpen, setLevelsOpen] = useState(false);
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  const levels = list.data?.levels ?? [];

  return (
    <>
      <PageHeader
        title={t.registerTitle}
        subtitle={t.registerSubtitle}
        extra={
          <Space wrap>
            {can('secret:manage') ? (
              <>
                <Button icon={<SettingOutlined />} onClick={() => setLevelsOpen(true)}>
                  {t.levelsTitle}
                </Button>
                <Button icon={<DownloadOutlined />} onClick={() => void downloads.template()}>
                  {t.template}
                </Button>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
                  {t.importPoints}
                </Button>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => void downloads.exportPoints().catch(() => undefined)}
                >
                  {t.exportPoints}
                </Button>
              </>
            ) : null}
            {can('secret:write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t.newPoint}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Input.Search
              allowClear
              placeholder={t.search}
              defaultValue={filters.q}
              onSearch={(q) => url.set({ q })}
              aria-label={t.search}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyCategory}
              value={filters.category}
              options={categoryOptions}
              onChange={(category?: string) => url.set({ category })}
            />
          </Col>
          <Col xs={12} md={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyLevel}
              value={filters.level}
              options={levels.map((l) => ({ value: l.code, label: l.name }))}
              onChange={(level?: string) => url.set({ level })}
            />
          </Col>
          <Col xs={12} md={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyStatus}
              value={filters.status}
              options={SECRET_POINT_STATUSES.map((s) => ({ value: s, label: SECRET_POINT_STATUS_LABELS[s] }))}
              onChange={(status?: string) => url.set({ status })}
            />
          </Col>
          <Col xs={12} md={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.anyDepartment}
              value={filters.department}
              options={(list.data?.departments ?? []).map((d) => ({ value: d, label: d }))}
              onChange={(department?: string) => url.set({ department })}
            />
          </Col>
          <Col xs={12} md={3}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t.readinessFilter}
              value={filters.readinessBelow}
              options={READINESS_STEPS.slice(0, 2).map((n) => ({ value: n, label: t.readinessBelow(n) }))}
              onChange={(readinessBelow?: number) => url.set({ readinessBelow })}
            />
          </Col>
          <Col xs={12} md={2}>
            <Button onClick={() => url.clear()}>{t.reset}</Button>
          </Col>
        </Row>
      </Card>
      <Card>
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<PointListItem>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            locale={{
              emptyText: <Empty description={filtered ? t.emptyFiltered : t.emptyRegister} />,
            }}
            pagination={{
              current: url.page,
              pageSize: url.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              onChange: (page, pageSize) => url.set({ page, pageSize }),
            }}
            onRow={(row) => ({ onDoubleClick: () => void navigate(`/secrets/points/${row.id}`) })}
            columns={[
              { title: t.number, dataIndex: 'number', width: 130 },
              {
                title: t.name,
                dataIndex: 'name',
                render: (name: string, row) => <Link to={`/secrets/points/${row.id}`}>{name}</Link>,
              },
              {
                title: t.category,
                dataIndex: 'category',
                width: 110,
                render: (c: SecretCategory) => SECRET_CATEGORY_LABELS[c],
              },
              {
                title: t.level,
                key: 'level',
                width: 110,
                render: (_: unknown, row) => <LevelTag name={row.levelName} core={row.core} />,
              },
              {
                title: t.status,
                dataIndex: 'status',
                width: 90,
                render: (s: SecretPointStatus) => <PointStatusTag status={s} />,
              },
              { title: t.department, dataIndex: 'department', width: 130 },
              {
                title: t.protectedUntil,
                dataIndex: 'protectedUntil',
                width: 120,
                render: (d: string | null) => (d ? formatDate(d) : t.longTerm),
              },
              { title: t.knowers, dataIndex: 'knowerCount', width: 90 },
              {
                title: t.readiness,
                key: 'readiness',
                width: 170,
                render: (_: unknown, row) => <ReadinessBar readiness={row.readiness} />,
              },
            ]}
          />
        )}
      </Card>
      <CreatePointModal
        open={creating}
        levels={levels}
        departments={list.data?.departments ?? []}
        onClose={(id) => {
          setCreating(false);
          if (id) {
            void message.success(t.created);
            void navigate(`/secrets/points/${id}`);
          }
        }}
      />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
      <LevelsModal open={levelsOpen} levels={levels} onClose={() => setLevelsOpen(false)} />
    </>
  );
}

interface CreatePointModalProps {
  open: boolean;
  levels: { code: string; name: string }[];
  departments: string[];
  onClose: (createdId?: string) => void;
}

function CreatePointModal({ open, levels, departments, onClose }: CreatePointModalProps) {
  const t = useSecretMessages();
  const [form] = Form.useForm<PointFormValues>();
  const create = useCreatePoint();
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t.newPoint}
      width={720}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={create.isPending}
      destroyOnHidden
      onCancel={() => onClose()}
      onOk={() => {
        void form.validateFields().then(async (values) => {
          try {
            const saved = await create.mutateAsync(toPointBody(values));
            form.resetFields();
            onClose(saved.id);
          } catch (error) {
            void message.error(error instanceof Error ? error.message : String(error));
          }
        });
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ longTerm: true, levelCode: levels[0]?.code }}
        preserve={false}
      >
        <PointFormFields levels={levels} departments={departments} />
      </Form>
    </Modal>
  );
}

interface ImportModalProps {
  open: boolean;
  onClose: () => void;
}

function ImportModal({ open, onClose }: ImportModalProps) {
  const t = useSecretMessages();
  const upload = useImportPoints();
  const [report, setReport] = useState<ImportReport | null>(null);
  const { message } = App.useApp();
  return (
    <Modal
      open={open}
      title={t.importTitle}
      footer={null}
      width={720}
      onCancel={() => {
        setReport(null);
        onClose();
      }}
    >
      <Typography.Paragraph type="secondary">{t.importHint}</Typography.Paragraph>
      <Upload
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          upload.mutate(file, {
            onSuccess: (result) => {
              setReport(result);
              if (result.imported > 0) {
                void message.success(t.imported(result.imported));
              }
            },
            onError: (error) => void message.error(error.message),
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending}>
          {t.chooseFile}
        </Button>
      </Upload>
      {report ? (
        report.errors.length > 0 ? (
          <>
            <Typography.Paragraph type="danger" style={{ marginTop: 16 }}>
              {t.importFailed(report.errors.length)}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              dataSource={report.errors}
              pagination={{ pageSize: 10 }}
              columns={[
                { title: t.row, dataIndex: 'row', width: 60 },
                { title: t.field, dataIndex: 'field', width: 120 },
                { title: t.problem, dataIndex: 'message' },
              ]}
            />
          </>
        ) : (
          <Typography.Paragraph type="success" style={{ marginTop: 16 }}>
            {t.imported(report.imported)}
          </Typography.Paragraph>
        )
      ) : null}
    </Modal>
  );
}

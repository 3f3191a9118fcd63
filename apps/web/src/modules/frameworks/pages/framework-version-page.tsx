import { CheckCircleOutlined, DownloadOutlined, DownOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Dropdown, Skeleton, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { FrameworkVersion } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { VersionStatusTag } from '../../../ui/status-tags';
import { ContentEditor } from '../components/content-editor';
import { EffectivePreview } from '../components/effective-preview';
import { NewVersionModal } from '../components/new-version-modal';
import { RequirementTree } from '../components/requirement-tree';
import {
  exportVersion,
  useFrameworks,
  useFrameworkVersion,
  useVersionTransition,
  type ExportFormat,
  type VersionTransition,
} from '../hooks/use-frameworks';
import { useFrameworkMessages } from '../messages';

interface VersionFactsProps {
  version: FrameworkVersion;
  baseLabel: string | null;
}

function VersionFacts({ version, baseLabel }: VersionFactsProps) {
  const t = useFrameworkMessages();
  const labels = useConformanceLabels();
  const requirements = version.content.chapters.flatMap((c) => c.clauses.flatMap((cl) => cl.requirements));
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      items={[
        { key: 'kind', label: t.kind, children: labels.frameworkKind(version.kind) },
        { key: 'status', label: t.status, children: <VersionStatusTag status={version.status} /> },
        {
          key: 'count',
          label: t.requirementCount,
          children: t.requirementsTotal(requirements.length, requirements.filter((r) => r.mandatory).length),
        },
        { key: 'pass', label: t.passScore, children: version.content.passScore ?? 80 },
        ...(baseLabel ? [{ key: 'base', label: t.baseVersion, children: baseLabel }] : []),
        ...(version.content.overrides && version.content.overrides.length > 0
          ? [{ key: 'overrides', label: t.overrides, children: version.content.overrides.length }]
          : []),
        { key: 'published', label: t.publishedAt, children: formatDateTime(version.publishedAt) },
        { key: 'created', label: t.createdAt, children: formatDateTime(version.createdAt) },
      ]}
    />
  );
}

export function FrameworkVersionPage() {
  const { id = '' } = useParams();
  const t = useFrameworkMessages();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const version = useFrameworkVersion(id);
  const frameworks = useFrameworks();
  const transition = useVersionTransition(id);
  const [newVersionOpen, setNewVersionOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  if (version.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (version.isError) {
    return <ErrorResult error={version.error} onRetry={() => void version.refetch()} />;
  }
  const data = version.data;
  const framework = frameworks.data?.items.find((candidate) => candidate.id === data.frameworkId) ?? null;
  const baseLabel = data.baseVersionId
    ? (frameworks.data?.items
        .flatMap((f) => f.versions.map((v) => ({ id: v.id, label: `${f.name}（${v.version}）` })))
        .find((v) => v.id === data.baseVersionId)?.label ?? null)
    : null;
  const canWrite = can('framework:write');
  const title = `${data.frameworkName}（${data.version}）`;

  const onExport = async (format: ExportFormat) => {
    setExporting(true);
    try {
      const name = await exportVersion(data.id, format, `${data.frameworkName}-${data.version}`);
      void message.success(t.exported(name));
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setExporting(false);
    }
  };

  const confirmTransition = (next: VersionTransition) => {
    modal.confirm({
      title: next === 'publish' ? t.publish : t.retire,
      content: next === 'publish' ? t.publishConfirm : t.retireConfirm,
      okText: next === 'publish' ? t.publish : t.retire,
      okButtonProps: { danger: next === 'retire' },
      cancelText: common.cancel,
      onOk: async () => {
        try {
          await transition.mutateAsync(next);
          void message.success(next === 'publish' ? t.published : t.retired);
        } catch (error) {
          void message.error(errorMessage(error, common.networkError));
        }
      },
    });
  };

  return (
    <>
      <PageHeader
        title={
          <>
            {title}
            {data.template ? (
              <Tag color="gold" style={{ marginLeft: 8, verticalAlign: 'middle' }}>
                {t.template}
              </Tag>
            ) : null}
          </>
        }
        subtitle={baseLabel ? t.guideOverlay(baseLabel) : undefined}
        crumbs={[{ title: t.listTitle, to: '/frameworks' }, { title }]}
        extra={
          <>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t.exportExcel },
                  { key: 'json', label: t.exportJson },
                ],
                onClick: ({ key }) => void onExport(key === 'json' ? 'json' : 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exporting}>
                {t.export} <DownOutlined />
              </Button>
            </Dropdown>
            {canWrite && framework ? (
              <Button icon={<PlusOutlined />} onClick={() => setNewVersionOpen(true)}>
                {t.newVersion}
              </Button>
            ) : null}
            {canWrite && data.status === 'published' ? (
              <Button danger icon={<StopOutlined />} onClick={() => confirmTransition('retire')}>
                {t.retire}
              </Button>
            ) : null}
            {canWrite && data.status === 'draft' ? (
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => confirmTransition('publish')}>
                {t.publish}
              </Button>
            ) : null}
          </>
        }
      />
      {data.template ? <Alert type="warning" showIcon title={t.templateHint} style={{ marginBottom: 16 }} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <VersionFacts version={data} baseLabel={baseLabel} />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'tree', label: t.tabTree, children: <RequirementTree content={data.content} /> },
            ...(data.kind === 'standard'
              ? [{ key: 'preview', label: t.tabPreview, children: <EffectivePreview versionId={data.id} /> }]
              : []),
            ...(canWrite && data.status === 'draft'
              ? [
                  {
                    key: 'edit',
                    label: t.tabEdit,
                    children: <ContentEditor key={data.id} versionId={data.id} content={data.content} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {newVersionOpen ? (
        <NewVersionModal framework={framework} copyFromVersionId={data.id} onClose={() => setNewVersionOpen(false)} />
      ) : null}
    </>
  );
}

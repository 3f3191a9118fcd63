import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import type { Framework, FrameworkVersionSummary } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { VersionStatusTag } from '../../../ui/status-tags';
import { ImportModal } from '../components/import-modal';
import { NewVersionModal } from '../components/new-version-modal';
import { useFrameworks } from '../hooks/use-frameworks';
import { useFrameworkMessages } from '../messages';

interface VersionTableProps {
  versions: FrameworkVersionSummary[];
}

function VersionTable({ versions }: VersionTableProps) {
  const t = useFrameworkMessages();
  return (
    <Table<FrameworkVersionSummary>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...versions].reverse()}
      columns={[
        {
          title: t.version,
          dataIndex: 'version',
          key: 'version',
          render: (_value, version) => (
            <Link to={`/frameworks/versions/${version.id}`}>
              {version.version}
              {version.template ? (
                <Tag color="gold" style={{ marginLeft: 8 }}>
                  {t.template}
                </Tag>
              ) : null}
            </Link>
          ),
        },
        {
          title: t.status,
          dataIndex: 'status',
          key: 'status',
          width: 110,
          render: (_value, version) => <VersionStatusTag status={version.status} />,
        },
        { title: t.requirementCount, dataIndex: 'requirementCount', key: 'count', width: 100 },
        {
          title: t.publishedAt,
          dataIndex: 'publishedAt',
          key: 'publishedAt',
          width: 130,
          render: (value: string | null) => formatDate(value),
        },
        {
          title: t.createdAt,
          dataIndex: 'createdAt',
          key: 'createdAt',
          width: 130,
          render: (value: string) => formatDate(value),
        },
        {
          title: '',
          key: 'view',
          width: 80,
          render: (_value, version) => <Link to={`/frameworks/versions/${version.id}`}>{t.view}</Link>,
        },
      ]}
    />
  );
}

export function FrameworkListPage() {
  const t = useFrameworkMessages();
  const common = useCommonMessages();
  const labels = useConformanceLabels();
  const { can } = useAuth();
  const frameworks = useFrameworks();
  const [creating, setCreating] = useState<Framework | null>(null);
  const [importing, setImporting] = useState<Framework | null>(null);
  const canWrite = can('framework:write');
  const items = frameworks.data?.items ?? [];

  return (
    <>
      <PageHeader title={t.listTitle} subtitle={t.listSubtitle} />
      {frameworks.isError ? (
        <ErrorResult error={frameworks.error} onRetry={() => void frameworks.refetch()} />
      ) : (
        <Card>
          <Table<Framework>
            rowKey="id"
            loading={frameworks.isPending}
            dataSource={items}
            pagination={false}
            data-testid="framework-table"
            locale={{ emptyText: <Empty description={t.empty} /> }}
            expandable={{
              expandedRowRender: (framework) => <VersionTable versions={framework.versions} />,
              defaultExpandAllRows: true,
              expandedRowKeys: undefined,
            }}
            key={items.length}
            columns={[
              {
                title: t.name,
                dataIndex: 'name',
                key: 'name',
                render: (_value, framework) => {
                  const latest = [...framework.versions].reverse().find((v) => v.status === 'published');
                  const target = latest ?? framework.versions.at(-1);
                  return (
                    <Flex vertical>
                      {target ? (
                        <Link to={`/frameworks/versions/${target.id}`}>
                          <Typography.Text strong>{framework.name}</Typography.Text>
                        </Link>
                      ) : (
                        <Typography.Text strong>{framework.name}</Typography.Text>
                      )}
                      {framework.description ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {framework.description}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  );
                },
              },
              { title: t.code, dataIndex: 'code', key: 'code', width: 160 },
              {
                title: t.kind,
                dataIndex: 'kind',
                key: 'kind',
                width: 110,
                render: (_value, framework) => (
                  <Tag color={framework.kind === 'standard' ? 'geekblue' : 'purple'}>
                    {labels.frameworkKind(framework.kind)}
                  </Tag>
                ),
              },
              {
                title: t.industry,
                dataIndex: 'industryName',
                key: 'industry',
                width: 130,
                render: (value: string | null) => value ?? t.allIndustries,
              },
              {
                title: t.latestPublished,
                key: 'latest',
                width: 130,
                render: (_value, framework) =>
                  [...framework.versions].reverse().find((v) => v.status === 'published')?.version ?? (
                    <Typography.Text type="secondary">{t.noPublished}</Typography.Text>
                  ),
              },
              ...(canWrite
                ? [
                    {
                      title: common.actions,
                      key: 'actions',
                      width: 200,
                      render: (_value: unknown, framework: Framework) => (
                        <Flex gap={4}>
                          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(framework)}>
                            {t.newVersion}
                          </Button>
                          <Button size="small" icon={<UploadOutlined />} onClick={() => setImporting(framework)}>
                            {t.import}
                          </Button>
                        </Flex>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <NewVersionModal framework={creating} onClose={() => setCreating(null)} />
      <ImportModal framework={importing} onClose={() => setImporting(null)} />
    </>
  );
}

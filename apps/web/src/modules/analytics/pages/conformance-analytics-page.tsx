import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Progress, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CommonGap, HeatmapDimension } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { usePublishedStandardVersions } from '../../frameworks';
import { PassRateHeatmap } from '../components/pass-rate-heatmap';
import { exportCommonGaps, exportHeatmap, useCommonGaps, useHeatmap } from '../hooks/use-analytics';
import { useAnalyticsMessages } from '../messages';

export function ConformanceAnalyticsPage() {
  const t = useAnalyticsMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const url = useUrlState();
  const versions = usePublishedStandardVersions();
  const standardVersionId = url.get('version') ?? versions.options[0]?.value ?? '';
  const dimension: HeatmapDimension = url.get('dimension') === 'region' ? 'region' : 'industry';
  const heatmap = useHeatmap({ standardVersionId, dimension });
  const gaps = useCommonGaps({ standardVersionId, limit: 20 });
  const [exporting, setExporting] = useState<'heatmap' | 'gaps' | null>(null);

  const onExport = async (which: 'heatmap' | 'gaps') => {
    setExporting(which);
    try {
      const name =
        which === 'heatmap'
          ? await exportHeatmap({ standardVersionId, dimension })
          : await exportCommonGaps({ standardVersionId, limit: 20 });
      void message.success(t.exported(name));
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        extra={
          <Select<string>
            aria-label={t.version}
            value={standardVersionId || undefined}
            placeholder={t.version}
            loading={versions.isLoading}
            options={versions.options}
            onChange={(version) => url.set({ version })}
            style={{ width: 320 }}
          />
        }
      />
      {!versions.isLoading && versions.options.length === 0 ? (
        <Card>
          <Empty description={t.noVersion} />
        </Card>
      ) : (
        <>
          <Card
            title={t.heatmap}
            style={{ marginBottom: 16 }}
            extra={
              <Flex gap={8}>
                <Segmented<HeatmapDimension>
                  aria-label={t.dimension}
                  value={dimension}
                  onChange={(next) => url.set({ dimension: next === 'industry' ? undefined : next })}
                  options={[
                    { value: 'industry', label: t.byIndustry },
                    { value: 'region', label: t.byRegion },
                  ]}
                />
                <Button
                  icon={<DownloadOutlined />}
                  loading={exporting === 'heatmap'}
                  disabled={!standardVersionId}
                  onClick={() => void onExport('heatmap')}
                >
                  {t.export}
                </Button>
              </Flex>
            }
          >
            {heatmap.isError ? (
              <ErrorResult error={heatmap.error} onRetry={() => void heatmap.refetch()} />
            ) : heatmap.data ? (
              <PassRateHeatmap data={heatmap.data} loading={heatmap.isFetching} />
            ) : (
              <Card loading bordered={false} />
            )}
          </Card>
          <Card
            title={t.gapsTitle}
            extra={
              <Button
                icon={<DownloadOutlined />}
                loading={exporting === 'gaps'}
                disabled={!standardVersionId}
                onClick={() => void onExport('gaps')}
              >
                {t.export}
              </Button>
            }
          >
            <Typography.Paragraph type="secondary">{t.gapsHint}</Typography.Paragraph>
            {gaps.isError ? (
              <ErrorResult error={gaps.error} onRetry={() => void gaps.refetch()} />
            ) : (
              <Table<CommonGap>
                rowKey="code"
                size="small"
                loading={gaps.isFetching}
                dataSource={gaps.data?.items ?? []}
                pagination={false}
                data-testid="common-gaps"
                locale={{ emptyText: <Empty description={t.noData} /> }}
                columns={[
                  { title: '#', key: 'rank', width: 50, render: (_value, _gap, index) => index + 1 },
                  { title: t.code, dataIndex: 'code', key: 'code', width: 100 },
                  {
                    title: t.requirement,
                    dataIndex: 'text',
                    key: 'text',
                    render: (text: string, gap) => (
                      <>
                        {gap.mandatory ? <Tag color="red">{t.mandatory}</Tag> : null}
                        {text}
                      </>
                    ),
                  },
                  {
                    title: t.gapRate,
                    dataIndex: 'gapRate',
                    key: 'gapRate',
                    width: 200,
                    render: (rate: number) => (
                      <Progress percent={Math.round(rate * 1000) / 10} size="small" strokeColor="#fa8c16" />
                    ),
                  },
                  {
                    title: t.answered,
                    dataIndex: 'assessments',
                    key: 'assessments',
                    width: 110,
                    render: (n: number) => t.assessments(n),
                  },
                ]}
              />
            )}
          </Card>
        </>
      )}
    </>
  );
}

import { FilePdfOutlined } from '@ant-design/icons';
import { PROGRESS_KIND_LABELS, PROGRESS_KIND_UNITS, type PaceStatus, type ProgressKind } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Progress as Bar,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { useUrlState } from '../../../ui/url-state';
import { PaceTag } from '../components/pace-tag';
import { ProgrammePicker } from '../components/programme-picker';
import { ProgressChart } from '../components/progress-chart';
import {
  downloadReport,
  useActiveProgramme,
  useAllocation,
  useProgress,
  useProgressSeries,
  type Progress,
} from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

const todayCst = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Where the records that count for a kind in a region are listed. */
export function recordsLink(kind: ProgressKind, regionId: string, asOf: string): string {
  if (kind === 'conforming') {
    return `/certificates?regionId=${regionId}&heldOn=${asOf}`;
  }
  return `/designations?kind=${kind}&county=${regionId}&asOf=${asOf}`;
}

type RegionRow = Progress['regions'][number];

export function ProgrammeDashboardPage() {
  const t = useProgrammeMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const url = useUrlState();
  const { programmes, active, isLoading, error, choose } = useActiveProgramme();
  const asOf = url.get('asOf') ?? todayCst();
  const regionId = url.get('region');
  const progress = useProgress(active?.id, asOf, regionId);
  const series = useProgressSeries(active?.id, regionId);
  const units = useAllocation(active?.id);
  const [chartKind, setChartKind] = useState<ProgressKind>('station');
  const [printing, setPrinting] = useState(false);

  if (isLoading) {
    return <PageLoading />;
  }
  if (error) {
    return <ErrorResult error={error} />;
  }
  if (!active) {
    return <Empty description={t.noProgramme} />;
  }
  const data = progress.data;
  const kinds = data?.kinds.map((k) => k.kind) ?? [];
  const unitScope = data?.scope.level === 'unit';

  return (
    <>
      <PageHeader
        title={`${t.dashboard}：${active.title}`}
        subtitle={`${active.documentNumber} · ${active.issuingBody}`}
        extra={
          <Space wrap>
            <ProgrammePicker programmes={programmes} value={active.id} onChange={choose} />
            {can('programme:write') ? (
              <Select
                allowClear
                style={{ minWidth: 180 }}
                placeholder={t.allRegions}
                value={regionId}
                onChange={(v: string | undefined) => url.set({ region: v })}
                options={(units.data?.items ?? []).map((u) => ({ value: u.regionId, label: u.name }))}
                aria-label={t.region}
              />
            ) : null}
            <span>{t.asOf}</span>
            <Input
              type="date"
              value={asOf}
              onChange={(e) => url.set({ asOf: e.target.value || undefined })}
              style={{ width: 160 }}
              aria-label={t.asOf}
              data-testid="as-of"
            />
            <Button
              icon={<FilePdfOutlined />}
              loading={printing}
              onClick={() => {
                setPrinting(true);
                downloadReport(active.id, asOf)
                  .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)))
                  .finally(() => setPrinting(false));
              }}
            >
              {t.report}
            </Button>
          </Space>
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={unitScope && data ? `${t.ownRegion(data.scope.name)} · ${t.computedNote}` : t.computedNote}
      />
      {progress.isError ? <ErrorResult error={progress.error} onRetry={() => void progress.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        {data?.kinds.map((k) => {
          const next = k.nextMilestone;
          const goal = next?.target ?? k.target;
          return (
            <Col xs={24} sm={12} xl={6} key={k.kind}>
              <Card data-testid={`kind-${k.kind}`} loading={progress.isFetching && !data}>
                <Statistic
                  title={PROGRESS_KIND_LABELS[k.kind]}
                  value={k.actual}
                  suffix={
                    <span data-testid={`target-${k.kind}`}>
                      / {k.target}
                      {PROGRESS_KIND_UNITS[k.kind]}
                    </span>
                  }
                />
                <Bar
                  percent={goal > 0 ? Math.min(100, Math.round((k.actual / goal) * 100)) : 100}
                  size="small"
                  status={k.status === 'behind' ? 'exception' : 'normal'}
                />
                <Space direction="vertical" size={2}>
                  <Typography.Text type="secondary">
                    {next ? t.nextMilestone(next.due, next.target) : t.noNextMilestone}
                  </Typography.Text>
                  <Space>
                    <PaceTag status={k.status} />
                    <Typography.Text type="secondary">
                      {t.expected} {k.expected}
                    </Typography.Text>
                  </Space>
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <Card title={t.milestones} data-testid="milestones">
            <Table
              rowKey="due"
              size="small"
              pagination={false}
              dataSource={data?.milestones ?? []}
              columns={[
                { title: t.milestones, key: 'title', render: (_v, m) => `${m.title}（${m.due}）` },
                {
                  title: `${t.actual} / ${t.target}`,
                  key: 'targets',
                  render: (_v, m) =>
                    m.targets.map((x) => (
                      <div key={x.kind}>
                        {PROGRESS_KIND_LABELS[x.kind]} {x.actual}/{x.target}
                      </div>
                    )),
                },
                {
                  title: t.status,
                  key: 'met',
                  width: 90,
                  render: (_v, m) =>
                    m.met ? (
                      <Tag color="success">{t.met}</Tag>
                    ) : m.passed ? (
                      <Tag color="error">{t.notMet}</Tag>
                    ) : (
                      <Tag>{t.pending}</Tag>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={t.chartTitle}
            extra={
              <Segmented
                value={chartKind}
                onChange={(v) => setChartKind(v)}
                options={(kinds.length > 0 ? kinds : (['station'] as ProgressKind[])).map((k) => ({
                  value: k,
                  label: PROGRESS_KIND_LABELS[k],
                }))}
              />
            }
          >
            {series.data ? <ProgressChart series={series.data} kind={chartKind} /> : <PageLoading />}
          </Card>
        </Col>
      </Row>
      <Card title={t.regionTable} style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">{t.paceHelp}</Typography.Paragraph>
        <Table<RegionRow>
          rowKey="regionId"
          size="small"
          data-testid="region-table"
          loading={progress.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={data?.regions ?? []}
          columns={[
            { title: t.region, dataIndex: 'name', key: 'name', fixed: 'left', width: 170 },
            ...kinds.map((kind) => ({
              title: `${PROGRESS_KIND_LABELS[kind]}（${t.actual}/${t.allocation}）`,
              key: kind,
              render: (_v: unknown, r: RegionRow) => (
                <Space size={4}>
                  <Link to={recordsLink(kind, r.regionId, data?.asOf ?? asOf)}>{r.actual[kind]}</Link>
                  <span>/ {r.allocated[kind]}</span>
                  {r.statusByKind[kind] !== 'on_track' && r.allocated[kind] > 0 ? (
                    <PaceTag status={r.statusByKind[kind]} />
                  ) : null}
                </Space>
              ),
            })),
            {
              title: t.status,
              dataIndex: 'status',
              key: 'status',
              width: 120,
              render: (status: PaceStatus) => <PaceTag status={status} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

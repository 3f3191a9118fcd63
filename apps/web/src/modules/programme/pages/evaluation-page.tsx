import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { EVALUATION_ROUND_STATUS_LABELS, INDICATOR_METHOD_LABELS, INDICATOR_SOURCE_LABELS } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { PageLoading } from '../../../ui/page-loading';
import { useUrlState } from '../../../ui/url-state';
import { ProgrammePicker } from '../components/programme-picker';
import {
  exportResults,
  useActiveProgramme,
  useIndicators,
  useRoundActions,
  useRoundResults,
  useRounds,
  useSaveIndicators,
  type IndicatorsInput,
  type EvaluationResults,
} from '../hooks/use-programme';
import { useProgrammeMessages } from '../messages';

interface RoundValues {
  name: string;
  period: [Dayjs, Dayjs];
}

type ResultRow = EvaluationResults['results'][number];
type Leaf = EvaluationResults['indicators'][number];

/** The indicator tree, evaluation rounds per period, ranked results, manual scoring with evidence, Excel. */
export function EvaluationPage() {
  const t = useProgrammeMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const url = useUrlState();
  const { programmes, active, isLoading, error, choose } = useActiveProgramme();
  const indicators = useIndicators(active?.id);
  const rounds = useRounds(active?.id);
  const roundId = url.get('round') ?? rounds.data?.items[0]?.id;
  const results = useRoundResults(roundId);
  const actions = useRoundActions(active?.id ?? '');
  const saveIndicators = useSaveIndicators(active?.id ?? '');
  const [treeText, setTreeText] = useState<string | null>(null);
  const [roundOpen, setRoundOpen] = useState(false);
  const [scoring, setScoring] = useState<{ row: ResultRow; leaf: Leaf } | null>(null);
  const [roundForm] = Form.useForm<RoundValues>();
  const [scoreForm] = Form.useForm<{ score: number; basis: string }>();
  const writable = can('evaluation:write');
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
  const round = rounds.data?.items.find((r) => r.id === roundId);
  const leaves = (results.data?.indicators ?? []).filter((i) => i.method !== null);
  const open = results.data?.round.status === 'open';
  return (
    <>
      <PageHeader
        title={t.evaluation}
        subtitle={active.title}
        extra={<ProgrammePicker programmes={programmes} value={active.id} onChange={choose} />}
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t.manualNote} />
      <Card
        title={t.indicators}
        style={{ marginBottom: 16 }}
        extra={
          writable && (rounds.data?.items.length ?? 0) === 0 ? (
            <Button
              onClick={() =>
                setTreeText(
                  JSON.stringify(
                    (indicators.data?.items ?? []).map((g) => ({
                      code: g.code,
                      name: g.name,
                      weight: g.weight,
                      description: g.description,
                      children: g.children.map((c) => ({
                        code: c.code,
                        name: c.name,
                        weight: c.weight,
                        method: c.method,
                        source: c.source,
                        description: c.description,
                      })),
                    })),
                    null,
                    2,
                  ),
                )
              }
            >
              {t.editIndicators}
            </Button>
          ) : null
        }
      >
        <Table
          // Remounted once loaded, so that every group starts expanded.
          key={indicators.data ? 'loaded' : 'loading'}
          rowKey="id"
          size="small"
          pagination={false}
          loading={indicators.isFetching}
          dataSource={indicators.data?.items ?? []}
          expandable={{ defaultExpandAllRows: true, childrenColumnName: 'children' }}
          columns={[
            { title: '编号', dataIndex: 'code', key: 'code', width: 90 },
            { title: '指标', dataIndex: 'name', key: 'name' },
            { title: t.weight, dataIndex: 'weight', key: 'weight', width: 80 },
            {
              title: t.method,
              key: 'method',
              render: (_v, i) =>
                i.method ? (
                  <Space direction="vertical" size={0}>
                    <Tag color={i.method === 'auto' ? 'blue' : 'orange'}>{INDICATOR_METHOD_LABELS[i.method]}</Tag>
                    {i.source ? (
                      <Typography.Text type="secondary">{INDICATOR_SOURCE_LABELS[i.source]}</Typography.Text>
                    ) : null}
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card
        title={t.results}
        extra={
          <Space wrap>
            <Select
              style={{ minWidth: 220 }}
              value={roundId}
              placeholder={t.rounds}
              onChange={(v: string) => url.set({ round: v })}
              options={(rounds.data?.items ?? []).map((r) => ({
                value: r.id,
                label: `${r.name}（${EVALUATION_ROUND_STATUS_LABELS[r.status]}）`,
              }))}
            />
            {round ? (
              <Button icon={<FileExcelOutlined />} onClick={() => void exportResults(round)}>
                {t.exportExcel}
              </Button>
            ) : null}
            {writable && round && open ? (
              <>
                <Button
                  onClick={() => actions.recompute.mutateAsync(round.id).catch(fail)}
                  loading={actions.recompute.isPending}
                >
                  {t.recompute}
                </Button>
                <Button
                  onClick={() =>
                    Modal.confirm({
                      title: t.publish,
                      content: '发布后不能再修改评分。',
                      onOk: () => actions.publish.mutateAsync(round.id).catch(fail),
                    })
                  }
                >
                  {t.publish}
                </Button>
              </>
            ) : null}
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRoundOpen(true)}>
                {t.newRound}
              </Button>
            ) : null}
          </Space>
        }
      >
        {results.isError ? <ErrorResult error={results.error} /> : null}
        {!roundId ? (
          <Empty description={t.noRounds} />
        ) : (
          <Table<ResultRow>
            rowKey="regionId"
            size="small"
            data-testid="evaluation-results"
            loading={results.isFetching}
            pagination={false}
            scroll={{ x: 1200 }}
            dataSource={results.data?.results ?? []}
            columns={[
              { title: t.rank, dataIndex: 'rank', key: 'rank', width: 60, fixed: 'left' },
              { title: t.region, dataIndex: 'name', key: 'name', width: 150, fixed: 'left' },
              {
                title: t.totalScore,
                key: 'total',
                width: 110,
                render: (_v, r) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{r.total.toFixed(2)}</Typography.Text>
                    {r.complete ? null : <Tag color="orange">{t.incomplete}</Tag>}
                  </Space>
                ),
              },
              ...leaves.map((leaf) => ({
                title: `${leaf.code} ${leaf.name}（${leaf.weight}）`,
                key: leaf.id,
                width: 130,
                render: (_v: unknown, r: ResultRow) => {
                  const s = r.scores.find((x) => x.indicatorId === leaf.id);
                  const text = s?.score === null || s?.score === undefined ? '—' : s.score.toFixed(2);
                  return (
                    <Space direction="vertical" size={0}>
                      {leaf.method === 'manual' && writable && open ? (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0 }}
                          onClick={() => {
                            scoreForm.setFieldsValue({ score: s?.score ?? 0, basis: s?.basis ?? '' });
                            setScoring({ row: r, leaf });
                          }}
                        >
                          {text === '—' ? t.score : text}
                        </Button>
                      ) : (
                        <Typography.Text>{text}</Typography.Text>
                      )}
                      {s?.basis ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: s.basis }}>
                          {s.basis}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  );
                },
              })),
            ]}
          />
        )}
      </Card>
      <Modal
        open={treeText !== null}
        title={t.editIndicators}
        width={760}
        okText={t.save}
        cancelText={t.cancel}
        confirmLoading={saveIndicators.isPending}
        onCancel={() => setTreeText(null)}
        onOk={() => {
          let items: IndicatorsInput['items'];
          try {
            items = JSON.parse(treeText ?? '[]') as IndicatorsInput['items'];
          } catch {
            message.error(t.invalidJson);
            return;
          }
          saveIndicators
            .mutateAsync({ items })
            .then(() => setTreeText(null))
            .catch(fail);
        }}
      >
        <Typography.Paragraph type="secondary">{t.indicatorHelp}</Typography.Paragraph>
        <Input.TextArea
          rows={18}
          value={treeText ?? ''}
          onChange={(e) => setTreeText(e.target.value)}
          style={{ fontFamily: 'monospace' }}
          aria-label={t.indicators}
        />
      </Modal>
      <Modal
        open={roundOpen}
        title={t.newRound}
        okText={t.submit}
        cancelText={t.cancel}
        confirmLoading={actions.create.isPending}
        destroyOnHidden
        onCancel={() => setRoundOpen(false)}
        onOk={() => {
          void roundForm.validateFields().then((v) =>
            actions.create
              .mutateAsync({
                name: v.name,
                periodStart: v.period[0].format('YYYY-MM-DD'),
                periodEnd: v.period[1].format('YYYY-MM-DD'),
              })
              .then((created) => {
                setRoundOpen(false);
                url.set({ round: created.round.id });
              })
              .catch(fail),
          );
        }}
      >
        <Form form={roundForm} layout="vertical" preserve={false}>
          <Form.Item name="name" label={t.roundName} rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={200} placeholder="2024年度考核" />
          </Form.Item>
          <Form.Item
            name="period"
            label={`${t.periodStart} — ${t.periodEnd}`}
            rules={[{ required: true, message: '请选择考核期' }]}
          >
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={scoring !== null}
        title={scoring ? `${scoring.row.name}：${scoring.leaf.name}（≤ ${scoring.leaf.weight}）` : ''}
        okText={t.submit}
        cancelText={t.cancel}
        confirmLoading={actions.score.isPending}
        onCancel={() => setScoring(null)}
        onOk={() => {
          void scoreForm.validateFields().then((v) => {
            if (!scoring || !roundId) {
              return;
            }
            actions.score
              .mutateAsync({
                roundId,
                regionId: scoring.row.regionId,
                indicatorId: scoring.leaf.id,
                score: v.score,
                basis: v.basis,
              })
              .then(() => setScoring(null))
              .catch(fail);
          });
        }}
      >
        <Form form={scoreForm} layout="vertical">
          <Form.Item name="score" label={t.score} rules={[{ required: true, message: '请填写得分' }]}>
            <InputNumber min={0} max={scoring?.leaf.weight} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="basis" label={t.basis} rules={[{ required: true, min: 2, message: '请填写评分佐证' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { DESIGNATION_RULES } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { errorMessage } from '../../../ui/error-result';
import {
  useApplicationActions,
  useExpertCandidates,
  type Application,
  type PanelExpert,
} from '../hooks/use-designations';
import { useDesignationMessages } from '../messages';

/** County review (初审): pass, or return with the reason. */
export function CountyReviewCard({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const [form] = Form.useForm<{ outcome: 'pass' | 'return'; note: string }>();
  const outcome = Form.useWatch('outcome', form);
  const submit = async (values: { outcome: 'pass' | 'return'; note: string }) => {
    try {
      await actions.countyReview.mutateAsync({ outcome: values.outcome, note: (values.note ?? '').trim() });
      void message.success(values.outcome === 'pass' ? t.countyPassed : t.countyReturned);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Card title={t.countyReview} style={{ marginBottom: 16 }} data-testid="county-review">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'pass', note: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="outcome" label={t.outcome}>
          <Radio.Group
            options={[
              { value: 'pass', label: t.pass },
              { value: 'return', label: t.returnIt },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t.countyReviewNote}
          extra={t.countyReviewNoteHint}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                outcome === 'return' && !value?.trim()
                  ? Promise.reject(new Error(t.countyReviewReturnRequired))
                  : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={actions.countyReview.isPending}>
          {common.confirm}
        </Button>
      </Form>
    </Card>
  );
}

/** The city picks 3 to 5 experts; those who must recuse themselves cannot be ticked. */
function AssignExpertsModal({ application, onClose }: { application: Application; onClose: () => void }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const candidates = useExpertCandidates(application.id, true);
  const [chosen, setChosen] = useState<string[]>([]);
  const { minExperts, maxExperts } = DESIGNATION_RULES;
  const valid = chosen.length >= minExperts && chosen.length <= maxExperts;
  const submit = async () => {
    try {
      await actions.experts.mutateAsync(chosen);
      void message.success(t.assigned);
      onClose();
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Modal
      open
      title={t.assignExperts}
      okText={t.assign}
      cancelText={common.cancel}
      okButtonProps={{ disabled: !valid }}
      confirmLoading={actions.experts.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t.assignHint(minExperts, maxExperts)}</Typography.Paragraph>
      {candidates.isError ? <Alert type="error" title={errorMessage(candidates.error, common.networkError)} /> : null}
      <Checkbox.Group value={chosen} onChange={(values) => setChosen(values)} style={{ width: '100%' }}>
        <Flex vertical gap={8} style={{ width: '100%' }} data-testid="expert-candidates">
          {(candidates.data?.items ?? []).map((candidate) => (
            <Flex key={candidate.userId} justify="space-between" align="center" gap={8} wrap>
              <Checkbox value={candidate.userId} disabled={candidate.conflict !== null}>
                {candidate.name}（{candidate.organizationName}）
              </Checkbox>
              {candidate.conflict ? (
                <Tag color="red" data-testid="expert-conflict">
                  {t.conflict}
                  {t.colon}
                  {candidate.conflict}
                </Tag>
              ) : null}
            </Flex>
          ))}
        </Flex>
      </Checkbox.Group>
      <Typography.Paragraph type={valid ? 'secondary' : 'warning'} style={{ marginTop: 12, marginBottom: 0 }}>
        {t.assignCount(chosen.length, minExperts, maxExperts)}
      </Typography.Paragraph>
    </Modal>
  );
}

/** The panel: who is on it, who submitted, the totals (once visible) and which were dropped. */
export function ExpertPanelCard({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const [assigning, setAssigning] = useState(false);
  const canAssign = application.actions.includes('assign_experts');
  const experts = application.experts ?? [];
  if (!canAssign && application.expertCount === 0) {
    return null;
  }
  const scoresHidden = application.expertsSubmitted < application.expertCount;
  return (
    <Card
      title={t.experts}
      style={{ marginBottom: 16 }}
      data-testid="expert-panel"
      extra={
        <Space>
          {application.expertCount > 0 ? (
            <Typography.Text type="secondary">
              {t.expertsProgress(application.expertsSubmitted, application.expertCount)}
            </Typography.Text>
          ) : null}
          {canAssign ? (
            <Button type="primary" onClick={() => setAssigning(true)}>
              {t.assignExperts}
            </Button>
          ) : null}
        </Space>
      }
    >
      {application.experts === null ? null : (
        <Table<PanelExpert>
          rowKey="userId"
          size="small"
          pagination={false}
          dataSource={experts}
          columns={[
            { title: t.expertName, dataIndex: 'name', key: 'name' },
            { title: t.organization, dataIndex: 'organizationName', key: 'org' },
            {
              title: t.status,
              dataIndex: 'submitted',
              key: 'submitted',
              render: (submitted: boolean) =>
                submitted ? <Tag color="green">{t.expertSubmitted}</Tag> : <Tag>{t.expertPending}</Tag>,
            },
            {
              title: t.expertTotal,
              dataIndex: 'total',
              key: 'total',
              align: 'right',
              render: (total: number | null, expert) => (
                <>
                  {t.score_(total)}
                  {expert.dropped ? (
                    <Tag color="default" style={{ marginLeft: 6 }}>
                      {t.dropped}
                    </Tag>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      )}
      {scoresHidden && application.expertCount > 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t.panelHidden}
        </Typography.Paragraph>
      ) : null}
      {application.finalScore !== null ? (
        <Typography.Title level={4} style={{ marginTop: 12, marginBottom: 0 }} data-testid="final-score">
          {t.finalScore}
          {t.colon}
          {application.finalScore}
        </Typography.Title>
      ) : null}
      {assigning ? <AssignExpertsModal application={application} onClose={() => setAssigning(false)} /> : null}
    </Card>
  );
}

interface ScoreRow {
  score: number | null;
  comment: string;
}

/** The expert's own scores: every item, 0 to its maximum in steps of 0.5; a draft until submitted. */
export function ScoringCard({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const actions = useApplicationActions(application.id);
  const mine = application.experts?.find((expert) => expert.userId === user.id);
  const items = application.criteria.groups.flatMap((group) => group.items);
  const [rows, setRows] = useState<Record<string, ScoreRow>>(() =>
    Object.fromEntries(
      items.map((item) => {
        const saved = mine?.scores?.find((score) => score.itemCode === item.code);
        return [item.code, { score: saved?.score ?? null, comment: saved?.comment ?? '' }];
      }),
    ),
  );
  const total = items.reduce((sum, item) => sum + (rows[item.code]?.score ?? 0), 0);
  const complete = items.every((item) => rows[item.code]?.score !== null && rows[item.code]?.score !== undefined);
  const save = async (submit: boolean) => {
    if (submit && !complete) {
      void message.error(t.scoreRequired);
      return;
    }
    try {
      await actions.scores.mutateAsync({
        submit,
        items: items
          .filter((item) => rows[item.code]?.score !== null && rows[item.code]?.score !== undefined)
          .map((item) => ({
            itemCode: item.code,
            score: rows[item.code]?.score ?? 0,
            comment: (rows[item.code]?.comment ?? '').trim(),
          })),
      });
      void message.success(submit ? t.scoresSubmitted : t.scoresSaved);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  const update = (code: string, patch: Partial<ScoreRow>) =>
    setRows((previous) => ({ ...previous, [code]: { ...(previous[code] ?? { score: null, comment: '' }), ...patch } }));
  return (
    <Card title={t.scoring} style={{ marginBottom: 16 }} data-testid="scoring">
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t.number, dataIndex: 'code', key: 'code', width: 70 },
          { title: t.materials, dataIndex: 'text', key: 'text' },
          {
            title: t.score,
            key: 'score',
            width: 170,
            render: (_value, item) => (
              <Space>
                <InputNumber<number>
                  aria-label={`${t.score} ${item.code}`}
                  min={0}
                  max={item.maxScore}
                  step={0.5}
                  precision={1}
                  value={rows[item.code]?.score ?? null}
                  onChange={(score) => update(item.code, { score: score === null ? null : Math.round(score * 2) / 2 })}
                  style={{ width: 90 }}
                />
                <Typography.Text type="secondary">/ {item.maxScore}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t.comment,
            key: 'comment',
            width: 260,
            render: (_value, item) => (
              <Input
                aria-label={`${t.comment} ${item.code}`}
                placeholder={t.commentPlaceholder}
                value={rows[item.code]?.comment ?? ''}
                maxLength={1000}
                onChange={(event) => update(item.code, { comment: event.target.value })}
              />
            ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }} wrap gap={8}>
        <Typography.Text strong data-testid="my-total">
          {t.myTotal(total)}
        </Typography.Text>
        <Space>
          <Button onClick={() => void save(false)} loading={actions.scores.isPending}>
            {t.saveDraft}
          </Button>
          <Popconfirm
            title={t.submitScoresConfirm}
            okText={common.confirm}
            cancelText={common.cancel}
            onConfirm={() => save(true)}
          >
            <Button type="primary" disabled={!complete} loading={actions.scores.isPending}>
              {t.submitScores}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
    </Card>
  );
}

/** When the caller's own scores are in: shown read-only. */
export function MyScoresNote({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const user = useCurrentUser();
  const mine = application.experts?.find((expert) => expert.userId === user.id);
  if (!mine?.submitted) {
    return null;
  }
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={t.scoresSubmitted}
      description={t.myTotal(mine.total ?? 0)}
    />
  );
}

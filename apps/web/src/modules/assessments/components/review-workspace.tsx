import { CheckOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { AssessmentAnswer } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Input,
  Radio,
  Result,
  Row,
  Segmented,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Assessment, EffectiveRequirement, ReviewDecision } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { errorMessage } from '../../../ui/error-result';
import { useReviewAssessment } from '../hooks/use-assessments';
import { useAssessmentMessages } from '../messages';
import { EvidencePanel } from './evidence-panel';
import { RoundsTable } from './rounds-table';
import { ScoreCard } from './score-card';

interface Decision {
  decision?: ReviewDecision;
  comment: string;
}

const ANSWER_COLORS: Record<AssessmentAnswer, string> = {
  conform: 'green',
  partial: 'gold',
  nonconform: 'red',
  na: 'default',
};

type ReviewFilter = 'all' | 'undecided' | 'gaps';

interface IssuedCertificateProps {
  assessment: Assessment;
}

function IssuedCertificate({ assessment }: IssuedCertificateProps) {
  const t = useAssessmentMessages();
  const { certificate } = assessment;
  return (
    <Result
      status="success"
      icon={<SafetyCertificateOutlined />}
      title={t.certificateIssued}
      subTitle={
        certificate ? (
          <span data-testid="issued-certificate-number">
            {t.certificateNumber}：{certificate.number}
          </span>
        ) : null
      }
      extra={
        certificate ? (
          <Link to={`/certificates/${certificate.id}`}>
            <Button type="primary">{t.openCertificate}</Button>
          </Link>
        ) : null
      }
    />
  );
}

export interface ReviewWorkspaceProps {
  assessment: Assessment;
}

/** The reviewer's view: each requirement's answer and evidence, accept or return with a comment. */
export function ReviewWorkspace({ assessment }: ReviewWorkspaceProps) {
  const t = useAssessmentMessages();
  const common = useCommonMessages();
  const labels = useConformanceLabels();
  const { message, modal } = App.useApp();
  const review = useReviewAssessment(assessment.id);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [overall, setOverall] = useState('');
  const [filter, setFilter] = useState<ReviewFilter>('all');
  const [failure, setFailure] = useState<string | null>(null);
  // Chosen once per filter change, so a row does not disappear the moment it gets a decision.
  const [shown, setShown] = useState<Set<string> | null>(null);

  const decisionOf = (code: string): Decision => decisions[code] ?? { comment: '' };
  const setDecision = (code: string, patch: Partial<Decision>) =>
    setDecisions((previous) => ({ ...previous, [code]: { ...decisionOf(code), ...patch } }));

  if (assessment.status === 'accepted') {
    return (
      <Card>
        <IssuedCertificate assessment={assessment} />
        <RoundsTable rounds={assessment.rounds} />
      </Card>
    );
  }

  const requirements = assessment.requirements;
  const undecided = requirements.filter((r) => !decisionOf(r.code).decision);
  const returned = requirements.filter((r) => decisionOf(r.code).decision === 'return');
  const missingComment = returned.filter((r) => decisionOf(r.code).comment.trim() === '');
  const matchesFilter = (r: EffectiveRequirement, which: ReviewFilter): boolean => {
    switch (which) {
      case 'all':
        return true;
      case 'undecided':
        return !decisionOf(r.code).decision;
      case 'gaps':
        return assessment.answers[r.code]?.answer !== 'conform';
    }
  };
  const applyFilter = (next: ReviewFilter) => {
    setFilter(next);
    setShown(next === 'all' ? null : new Set(requirements.filter((r) => matchesFilter(r, next)).map((r) => r.code)));
  };
  const visible = shown ? requirements.filter((r) => shown.has(r.code)) : requirements;

  const onSubmit = () => {
    setFailure(null);
    if (undecided.length > 0) {
      setFailure(t.reviewUndecided(undecided.length));
      applyFilter('undecided');
      return;
    }
    if (missingComment.length > 0) {
      setFailure(`${t.returnCommentRequired}：${missingComment.map((r) => r.code).join('、')}`);
      return;
    }
    modal.confirm({
      title: t.submitReview,
      content: returned.length > 0 ? t.reviewConfirmReturn(returned.length) : t.reviewConfirmAccept,
      okText: t.submitReview,
      cancelText: common.cancel,
      onOk: async () => {
        try {
          const saved = await review.mutateAsync({
            items: requirements.map((r) => {
              const item = decisionOf(r.code);
              const comment = item.comment.trim();
              return {
                requirementCode: r.code,
                decision: item.decision ?? 'accept',
                ...(comment ? { comment } : {}),
              };
            }),
            ...(overall.trim() ? { comment: overall.trim() } : {}),
          });
          setDecisions({});
          void message.success(saved.status === 'returned' ? t.returnedDone : t.reviewDone);
        } catch (error) {
          setFailure(errorMessage(error, common.networkError));
        }
      },
    });
  };

  const decisionColumn = (requirement: EffectiveRequirement) => {
    const item = decisionOf(requirement.code);
    const needsComment = item.decision === 'return' && item.comment.trim() === '';
    return (
      <Flex vertical gap={6} data-testid={`review-${requirement.code}`}>
        <Radio.Group
          aria-label={`${requirement.code} ${t.decision}`}
          value={item.decision}
          optionType="button"
          buttonStyle="solid"
          size="small"
          options={[
            { value: 'accept', label: t.accept },
            { value: 'return', label: t.return },
          ]}
          onChange={(event) =>
            setDecision(requirement.code, { decision: event.target.value === 'return' ? 'return' : 'accept' })
          }
        />
        <Input.TextArea
          aria-label={`${requirement.code} ${t.reviewerComment}`}
          placeholder={t.commentPlaceholder}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={1000}
          status={needsComment ? 'error' : undefined}
          value={item.comment}
          onChange={(event) => setDecision(requirement.code, { comment: event.target.value })}
        />
        {needsComment ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t.returnCommentRequired}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  };

  const table = (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<ReviewFilter>
          value={filter}
          onChange={applyFilter}
          options={[
            { value: 'all', label: t.filterAll },
            { value: 'undecided', label: `${t.filterUndecided}（${undecided.length}）` },
            { value: 'gaps', label: t.filterGaps },
          ]}
        />
        <Button
          icon={<CheckOutlined />}
          disabled={!assessment.reviewable || undecided.length === 0}
          onClick={() =>
            setDecisions((previous) => {
              const next = { ...previous };
              for (const r of undecided) {
                next[r.code] = { ...decisionOf(r.code), decision: 'accept' };
              }
              return next;
            })
          }
        >
          {t.acceptRest}
        </Button>
      </Flex>
      <Table<EffectiveRequirement>
        rowKey="code"
        size="small"
        dataSource={visible}
        pagination={false}
        data-testid="review-table"
        columns={[
          {
            title: t.gapText,
            key: 'requirement',
            render: (_value, r) => (
              <Flex vertical gap={4}>
                <span>
                  <Typography.Text code>{r.code}</Typography.Text>
                  {r.mandatory ? <Tag color="red">{labels.mandatory}</Tag> : null}
                  {r.text}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.chapterTitle} / {r.clauseTitle}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t.enterpriseAnswer,
            key: 'answer',
            width: 280,
            render: (_value, r) => {
              const saved = assessment.answers[r.code];
              const previous = assessment.review[r.code];
              return (
                <Flex vertical gap={4}>
                  {saved?.answer ? (
                    <Tag color={ANSWER_COLORS[saved.answer]} style={{ width: 'fit-content' }}>
                      {labels.answer(saved.answer)}
                    </Tag>
                  ) : (
                    <Tag>{t.unanswered}</Tag>
                  )}
                  {saved?.naReason ? (
                    <Typography.Text>
                      {t.naReason}：{saved.naReason}
                    </Typography.Text>
                  ) : null}
                  <Typography.Text type={saved?.notes ? undefined : 'secondary'}>
                    {saved?.notes ?? t.noNotes}
                  </Typography.Text>
                  <EvidencePanel
                    assessmentId={assessment.id}
                    requirementCode={r.code}
                    items={assessment.evidence[r.code] ?? []}
                    editable={false}
                  />
                  {previous?.decision === 'return' ? (
                    <Typography.Text type="warning" style={{ fontSize: 12 }}>
                      {t.previousComment}（{t.roundN(previous.round)}）：{previous.comment}
                    </Typography.Text>
                  ) : null}
                </Flex>
              );
            },
          },
          ...(assessment.reviewable
            ? [
                {
                  title: t.decision,
                  key: 'decision',
                  width: 210,
                  render: (_value: unknown, r: EffectiveRequirement) => decisionColumn(r),
                },
              ]
            : []),
        ]}
      />
    </>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={17}>
        {!assessment.reviewable ? (
          <Alert type="info" showIcon title={t.notReviewable} style={{ marginBottom: 16 }} />
        ) : null}
        <Card>
          <Tabs
            items={[
              { key: 'review', label: t.tabFill, children: table },
              { key: 'rounds', label: t.tabRounds, children: <RoundsTable rounds={assessment.rounds} /> },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={7}>
        <div style={{ position: 'sticky', top: 16 }}>
          <ScoreCard score={assessment.score} />
          {assessment.reviewable ? (
            <Card style={{ marginTop: 16 }} title={t.overallComment}>
              <Input.TextArea
                aria-label={t.overallComment}
                placeholder={t.overallPlaceholder}
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={2000}
                value={overall}
                onChange={(event) => setOverall(event.target.value)}
              />
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
                {t.reviewSummary(requirements.length - undecided.length - returned.length, returned.length)}
              </Typography.Paragraph>
              {failure ? (
                <Alert type="error" showIcon title={failure} role="alert" style={{ marginBottom: 8 }} />
              ) : null}
              <Button type="primary" block size="large" loading={review.isPending} onClick={onSubmit}>
                {t.submitReview}
              </Button>
            </Card>
          ) : null}
        </div>
      </Col>
    </Row>
  );
}

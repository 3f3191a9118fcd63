import type { ApplicationStatus } from '@shangmi/shared';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Popconfirm,
  Skeleton,
  Steps,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { ReasonModal } from '../../../ui/reason-modal';
import { ApplicationMaterials } from '../components/application-materials';
import { DecisionCard, NoticeCard } from '../components/application-decision';
import { CountyReviewCard, ExpertPanelCard, MyScoresNote, ScoringCard } from '../components/application-review';
import { ApplicationStatusTag, KindTag } from '../components/tags';
import { useApplication, useApplicationActions, type Application } from '../hooks/use-designations';
import { useDesignationLabels, useDesignationMessages } from '../messages';

/** The timeline's wording of an event (the action code itself when unknown). */
function eventLabel<L extends object>(labels: L, action: string): string {
  return Object.hasOwn(labels, action) ? String(labels[action as keyof L]) : action;
}

/** Where the application stands on 申报 → 初审 → 专家评审 → 决定 → 公示 → 授牌. */
function currentStep(status: ApplicationStatus): { current: number; status: 'process' | 'finish' | 'error' } {
  switch (status) {
    case 'draft':
    case 'returned':
      return { current: 0, status: 'process' };
    case 'withdrawn':
      return { current: 0, status: 'error' };
    case 'submitted':
      return { current: 1, status: 'process' };
    case 'county_passed':
    case 'expert_review':
      return { current: 2, status: 'process' };
    case 'scored':
      return { current: 3, status: 'process' };
    case 'rejected':
      return { current: 3, status: 'error' };
    case 'notice':
      return { current: 4, status: 'process' };
    case 'designated':
      return { current: 5, status: 'finish' };
  }
}

function StatementCard({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const editable = application.actions.includes('edit');
  const [statement, setStatement] = useState(application.statement);
  const save = async () => {
    try {
      await actions.statement.mutateAsync(statement.trim());
      void message.success(t.statementSaved);
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    }
  };
  return (
    <Card title={t.statement} style={{ marginBottom: 16 }}>
      {editable ? (
        <Flex vertical gap={8}>
          <Input.TextArea
            aria-label={t.statement}
            value={statement}
            onChange={(event) => setStatement(event.target.value)}
            placeholder={t.statementPlaceholder}
            autoSize={{ minRows: 3, maxRows: 10 }}
            maxLength={2000}
            showCount
          />
          <div>
            <Button
              onClick={() => void save()}
              disabled={statement === application.statement}
              loading={actions.statement.isPending}
            >
              {t.saveStatement}
            </Button>
          </div>
        </Flex>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {application.statement || '—'}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function ApplicantActions({ application }: { application: Application }) {
  const t = useDesignationMessages();
  const common = useCommonMessages();
  const { message } = App.useApp();
  const actions = useApplicationActions(application.id);
  const [withdrawing, setWithdrawing] = useState(false);
  const [problem, setProblem] = useState<{ title: string; items: string[] } | null>(null);
  const submit = async () => {
    setProblem(null);
    try {
      await actions.submit.mutateAsync(undefined);
      void message.success(t.submitted);
    } catch (error) {
      // The server names each criterion that still lacks material.
      setProblem({
        title: errorMessage(error, common.networkError),
        items: isApiError(error) ? error.errors.map((e) => e.message) : [],
      });
    }
  };
  return (
    <>
      {problem ? (
        <Alert
          type="error"
          showIcon
          title={problem.title}
          description={
            problem.items.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="submit-problems">
                {problem.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : undefined
          }
          closable
          onClose={() => setProblem(null)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex gap={8} style={{ marginBottom: 16 }}>
        {application.actions.includes('submit') ? (
          <Popconfirm
            title={t.submitConfirm}
            okText={common.confirm}
            cancelText={common.cancel}
            onConfirm={() => submit()}
          >
            <Button type="primary" loading={actions.submit.isPending}>
              {t.submit}
            </Button>
          </Popconfirm>
        ) : null}
        {application.actions.includes('withdraw') ? (
          <Button danger onClick={() => setWithdrawing(true)}>
            {t.withdraw}
          </Button>
        ) : null}
      </Flex>
      <ReasonModal
        open={withdrawing}
        title={t.withdraw}
        label={t.withdrawReason}
        requiredMessage={t.withdrawReasonRequired}
        okText={t.withdraw}
        danger
        onSubmit={async (reason) => {
          await actions.withdraw.mutateAsync(reason);
          void message.success(t.withdrawn);
        }}
        onClose={() => setWithdrawing(false)}
      />
    </>
  );
}

export function ApplicationDetailPage() {
  const t = useDesignationMessages();
  const labels = useDesignationLabels();
  const { id = '' } = useParams();
  const query = useApplication(id);
  if (query.isError) {
    return <ErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) {
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }
  const application = query.data;
  const step = currentStep(application.status);
  const hasApplicantActions = application.actions.some((a) => a === 'submit' || a === 'withdraw');
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span>{application.subjectName}</span>
            <ApplicationStatusTag status={application.status} />
          </Flex>
        }
        subtitle={`${application.number} · ${labels.kind[application.kind]}`}
        crumbs={[{ title: t.applicationsTitle, to: '/applications' }, { title: application.number }]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          current={step.current}
          status={step.status}
          data-testid="application-steps"
          items={[t.stepApply, t.stepCounty, t.stepExperts, t.stepDecision, t.stepNotice, t.stepDesignate].map(
            (title) => ({ title }),
          )}
        />
      </Card>
      <Card title={t.basicInfo} style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'number', label: t.number, children: application.number },
            { key: 'kind', label: t.kind, children: <KindTag kind={application.kind} /> },
            { key: 'subject', label: t.subject, children: application.subjectName },
            { key: 'county', label: t.county, children: `${application.countyName} · ${application.regionName}` },
            { key: 'route', label: t.route, children: labels.route[application.route] },
            { key: 'applicant', label: t.applicant, children: application.applicantOrganizationName },
            { key: 'created', label: t.createdAt, children: formatDateTime(application.createdAt) },
            { key: 'submitted', label: t.submittedAt, children: formatDateTime(application.submittedAt) },
            {
              key: 'score',
              label: t.finalScore,
              children: <span data-testid="final-score-value">{t.score_(application.finalScore)}</span>,
            },
            ...(application.countyReviewedAt
              ? [
                  {
                    key: 'countyAt',
                    label: t.countyReviewedAt,
                    children: formatDateTime(application.countyReviewedAt),
                  },
                  {
                    key: 'countyNote',
                    label: t.countyReviewNote,
                    span: 2,
                    children: application.countyReviewNote ?? '—',
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {application.status === 'returned' && application.countyReviewNote ? (
        <Alert
          type="warning"
          showIcon
          title={t.countyReturned}
          description={application.countyReviewNote}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {hasApplicantActions ? <ApplicantActions application={application} /> : null}
      {application.actions.includes('county_review') ? <CountyReviewCard application={application} /> : null}
      <ExpertPanelCard application={application} />
      <MyScoresNote application={application} />
      {application.actions.includes('score') ? <ScoringCard application={application} /> : null}
      {application.actions.includes('decide') ? <DecisionCard application={application} /> : null}
      <NoticeCard application={application} />
      <StatementCard key={application.statement} application={application} />
      <ApplicationMaterials application={application} />
      <Card title={t.timeline} data-testid="timeline">
        <Timeline
          items={application.events.map((event, index) => ({
            key: `${event.at}-${index}`,
            content: (
              <>
                <Typography.Text strong>{eventLabel(t.eventLabels, event.action)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatDateTime(event.at)}
                  {event.actorName ? ` · ${event.actorName}` : ''}
                </Typography.Text>
                {event.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{event.note}</div> : null}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}

import { Empty, Progress, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AssessmentSummary, Page } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { formatDate, formatDateTime, formatScore } from '../../../ui/format';
import { AssessmentStatusTag } from '../../../ui/status-tags';
import { useAssessmentMessages } from '../messages';

export type AssessmentTableMode = 'enterprise' | 'reviewer' | 'overview';

export interface AssessmentTableProps {
  data: Page<AssessmentSummary> | undefined;
  loading: boolean;
  mode: AssessmentTableMode;
  emptyText: string;
  /** Off where every row has the same standard (a campaign's page). */
  showStandard?: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** A page of self-assessments; the link goes to filling in, reviewing or viewing, by who is looking. */
export function AssessmentTable({ data, loading, mode, emptyText, showStandard = true, onPage }: AssessmentTableProps) {
  const t = useAssessmentMessages();
  const common = useCommonMessages();
  const target = (assessment: AssessmentSummary) =>
    mode === 'reviewer' ? `/reviews/${assessment.id}` : `/assessments/${assessment.id}`;
  const action = (assessment: AssessmentSummary) => {
    if (mode === 'reviewer') {
      return assessment.status === 'submitted' ? t.review : t.view;
    }
    if (mode === 'enterprise' && ['not_started', 'in_progress', 'returned'].includes(assessment.status)) {
      return t.open;
    }
    return t.view;
  };
  return (
    <Table<AssessmentSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      data-testid="assessment-table"
      scroll={{ x: 1100 }}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => common.total(total),
        onChange: onPage,
      }}
      columns={[
        ...(mode === 'enterprise'
          ? []
          : [
              {
                title: t.enterprise,
                key: 'enterprise',
                width: 240,
                render: (_value: unknown, assessment: AssessmentSummary) => (
                  <Link to={target(assessment)}>{assessment.enterprise.name}</Link>
                ),
              },
              {
                title: t.region,
                key: 'region',
                width: 120,
                render: (_value: unknown, assessment: AssessmentSummary) => assessment.enterprise.regionName,
              },
            ]),
        {
          title: t.standard,
          key: 'standard',
          hidden: !showStandard,
          render: (_value, assessment) => (
            <>
              {mode === 'enterprise' ? (
                <Link to={target(assessment)}>{assessment.standardVersionLabel}</Link>
              ) : (
                assessment.standardVersionLabel
              )}
              {assessment.guideVersionLabel ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  + {assessment.guideVersionLabel}
                </Typography.Text>
              ) : null}
            </>
          ),
        },
        ...(mode === 'enterprise'
          ? [
              {
                title: t.campaign,
                key: 'campaign',
                render: (_value: unknown, assessment: AssessmentSummary) => assessment.campaign?.name ?? '—',
              },
            ]
          : []),
        {
          title: t.status,
          dataIndex: 'status',
          key: 'status',
          width: 100,
          render: (_value, assessment) => <AssessmentStatusTag status={assessment.status} />,
        },
        {
          title: t.round,
          dataIndex: 'round',
          key: 'round',
          width: 80,
          render: (round: number) => t.roundN(round),
        },
        {
          title: t.progress,
          key: 'progress',
          width: 150,
          render: (_value, assessment) => (
            <Progress
              size="small"
              percent={assessment.total > 0 ? Math.round((assessment.answered / assessment.total) * 100) : 0}
              format={() => t.requirementsOf(assessment.answered, assessment.total)}
            />
          ),
        },
        {
          title: t.score,
          dataIndex: 'scoreBp',
          key: 'score',
          width: 80,
          render: (bp: number | null) => formatScore(bp),
        },
        {
          title: t.dueDate,
          dataIndex: 'dueDate',
          key: 'dueDate',
          width: 110,
          render: (value: string | null) => formatDate(value),
        },
        {
          title: mode === 'reviewer' ? t.submittedAt : t.updatedAt,
          key: 'when',
          width: 150,
          render: (_value, assessment) =>
            formatDateTime(mode === 'reviewer' ? assessment.submittedAt : assessment.updatedAt),
        },
        {
          title: common.actions,
          key: 'actions',
          width: 80,
          fixed: 'right',
          render: (_value, assessment) => <Link to={target(assessment)}>{action(assessment)}</Link>,
        },
      ]}
    />
  );
}

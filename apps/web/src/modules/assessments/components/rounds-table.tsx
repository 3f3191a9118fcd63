import { Empty, Table, Tag } from 'antd';
import type { AssessmentRound } from '../../../api/types';
import { formatDateTime, formatScore, orDash } from '../../../ui/format';
import { useAssessmentMessages } from '../messages';

export interface RoundsTableProps {
  rounds: AssessmentRound[];
}

/** Every submission and its review outcome, oldest first. */
export function RoundsTable({ rounds }: RoundsTableProps) {
  const t = useAssessmentMessages();
  return (
    <Table<AssessmentRound>
      rowKey="round"
      size="small"
      pagination={false}
      dataSource={rounds}
      data-testid="rounds-table"
      locale={{ emptyText: <Empty description={t.roundsEmpty} /> }}
      columns={[
        { title: t.round, dataIndex: 'round', key: 'round', width: 90, render: (round: number) => t.roundN(round) },
        {
          title: t.submittedAt,
          dataIndex: 'submittedAt',
          key: 'submittedAt',
          width: 160,
          render: (value: string) => formatDateTime(value),
        },
        { title: t.score, dataIndex: 'scoreBp', key: 'score', width: 80, render: (bp: number) => formatScore(bp) },
        { title: t.mandatoryUnmet, dataIndex: 'mandatoryUnmet', key: 'mandatoryUnmet', width: 110 },
        {
          title: t.outcome,
          dataIndex: 'outcome',
          key: 'outcome',
          width: 100,
          render: (_value, round) =>
            round.outcome === 'accepted' ? (
              <Tag color="green">{t.accept}</Tag>
            ) : round.outcome === 'returned' ? (
              <Tag color="orange">{t.return}</Tag>
            ) : (
              <Tag color="blue">{t.outcomePending}</Tag>
            ),
        },
        {
          title: t.decidedAt,
          dataIndex: 'decidedAt',
          key: 'decidedAt',
          width: 160,
          render: (value: string | null) => formatDateTime(value),
        },
        {
          title: t.roundComment,
          dataIndex: 'comment',
          key: 'comment',
          render: (value: string | null) => orDash(value),
        },
      ]}
    />
  );
}

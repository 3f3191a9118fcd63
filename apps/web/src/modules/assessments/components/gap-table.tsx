import { Empty, Table, Tag } from 'antd';
import type { AssessmentGap } from '../../../api/types';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { useAssessmentMessages } from '../messages';

export interface GapTableProps {
  gaps: AssessmentGap[];
}

/** Requirements not (fully) met, mandatory first, each with what to do. */
export function GapTable({ gaps }: GapTableProps) {
  const t = useAssessmentMessages();
  const labels = useConformanceLabels();
  return (
    <Table<AssessmentGap>
      rowKey="code"
      size="small"
      dataSource={gaps}
      data-testid="gap-table"
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: <Empty description={t.gapsEmpty} /> }}
      columns={[
        { title: t.gapCode, dataIndex: 'code', key: 'code', width: 100 },
        {
          title: t.gapText,
          dataIndex: 'text',
          key: 'text',
          render: (text: string, gap) => (
            <>
              {gap.mandatory ? <Tag color="red">{labels.mandatory}</Tag> : null}
              {text}
            </>
          ),
        },
        {
          title: t.gapAnswer,
          dataIndex: 'answer',
          key: 'answer',
          width: 110,
          render: (_value, gap) =>
            gap.answer ? (
              <Tag color={gap.answer === 'partial' ? 'gold' : 'red'}>{labels.answer(gap.answer)}</Tag>
            ) : (
              <Tag>{t.unanswered}</Tag>
            ),
        },
        { title: t.weight, dataIndex: 'weight', key: 'weight', width: 70 },
        { title: t.gapAction, dataIndex: 'action', key: 'action' },
      ]}
    />
  );
}

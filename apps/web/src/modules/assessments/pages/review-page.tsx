import { Skeleton, Space } from 'antd';
import { useParams } from 'react-router-dom';
import { ErrorResult } from '../../../ui/error-result';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { AssessmentStatusTag } from '../../../ui/status-tags';
import { ReviewWorkspace } from '../components/review-workspace';
import { useAssessment } from '../hooks/use-assessments';
import { useAssessmentMessages } from '../messages';

export function ReviewPage() {
  const { id = '' } = useParams();
  const t = useAssessmentMessages();
  const assessment = useAssessment(id);
  if (assessment.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (assessment.isError) {
    return <ErrorResult error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  const data = assessment.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {data.enterprise.name}
            <AssessmentStatusTag status={data.status} />
          </Space>
        }
        subtitle={[
          data.standardVersionLabel,
          data.guideVersionLabel,
          t.roundN(data.round),
          data.submittedAt ? `${t.submittedAt} ${formatDateTime(data.submittedAt)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        crumbs={[{ title: t.reviewQueueTitle, to: '/reviews' }, { title: data.enterprise.name }]}
      />
      <ReviewWorkspace key={`${data.id}:${data.round}:${data.status}`} assessment={data} />
    </>
  );
}

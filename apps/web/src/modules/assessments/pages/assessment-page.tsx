import { Skeleton, Space } from 'antd';
import { useParams } from 'react-router-dom';
import { useCurrentUser } from '../../../app/auth';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { AssessmentStatusTag } from '../../../ui/status-tags';
import { AttestationEvidencePanel } from '../../attestations/index';
import { AssessmentWorkspace } from '../components/assessment-workspace';
import { useAssessment } from '../hooks/use-assessments';
import { useAssessmentMessages } from '../messages';

export function AssessmentPage() {
  const { id = '' } = useParams();
  const t = useAssessmentMessages();
  const user = useCurrentUser();
  const assessment = useAssessment(id);
  if (assessment.isPending) {
    return <Skeleton active paragraph={{ rows: 12 }} />;
  }
  if (assessment.isError) {
    return <ErrorResult error={assessment.error} onRetry={() => void assessment.refetch()} />;
  }
  const data = assessment.data;
  const listTitle = user.enterpriseId ? t.myTitle : t.listTitle;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {data.standardVersionLabel}
            <AssessmentStatusTag status={data.status} />
          </Space>
        }
        subtitle={[
          data.enterprise.name,
          data.guideVersionLabel ? `${t.guide}：${data.guideVersionLabel}` : null,
          t.roundN(data.round),
          data.dueDate ? `${t.dueDate} ${formatDate(data.dueDate)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
        crumbs={[{ title: listTitle, to: '/assessments' }, { title: data.standardVersionLabel }]}
      />
      <AssessmentWorkspace key={data.id} assessment={data} />
      <AttestationEvidencePanel
        assessmentId={data.id}
        requirements={data.requirements}
        editableCodes={data.editableCodes}
      />
    </>
  );
}

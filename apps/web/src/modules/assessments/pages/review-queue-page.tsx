import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@shangmi/shared';
import { Card, Select } from 'antd';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { AssessmentTable } from '../components/assessment-table';
import { useAssessmentList } from '../hooks/use-assessments';
import { useAssessmentMessages } from '../messages';

/** Submitted self-assessments in the reviewer's region; other statuses one filter away. */
export function ReviewQueuePage() {
  const t = useAssessmentMessages();
  const labels = useConformanceLabels();
  const url = useUrlState();
  const raw = url.get('status');
  // No status in the URL means the queue proper: what waits for review. "all" shows everything.
  const status: AssessmentStatus | undefined =
    raw === 'all' ? undefined : (ASSESSMENT_STATUSES.find((value) => value === raw) ?? 'submitted');
  const list = useAssessmentList({ status, page: url.page, pageSize: url.pageSize });
  return (
    <>
      <PageHeader title={t.reviewQueueTitle} subtitle={t.reviewQueueSubtitle} />
      <Card
        extra={
          <Select<string>
            aria-label={t.status}
            value={status ?? 'all'}
            onChange={(next) => url.set({ status: next === 'submitted' ? undefined : next })}
            style={{ width: 160 }}
            options={[
              { value: 'all', label: t.anyStatus },
              ...ASSESSMENT_STATUSES.map((value) => ({ value, label: labels.assessmentStatus(value) })),
            ]}
          />
        }
      >
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <AssessmentTable
            data={list.data}
            loading={list.isFetching}
            mode="reviewer"
            emptyText={status === 'submitted' ? t.emptyQueue : t.emptyFiltered}
            onPage={(page, pageSize) => url.set({ page, pageSize })}
          />
        )}
      </Card>
    </>
  );
}

import { ASSESSMENT_STATUSES, type AssessmentStatus } from '@shangmi/shared';
import { Card, Select } from 'antd';
import { useCurrentUser } from '../../../app/auth';
import { useConformanceLabels } from '../../../i18n/conformance-labels';
import { ErrorResult } from '../../../ui/error-result';
import { PageHeader } from '../../../ui/page-header';
import { useUrlState } from '../../../ui/url-state';
import { AssessmentTable } from '../components/assessment-table';
import { useAssessmentList } from '../hooks/use-assessments';
import { useAssessmentMessages } from '../messages';

function statusOf(value: string | undefined): AssessmentStatus | undefined {
  return ASSESSMENT_STATUSES.find((status) => status === value);
}

/** 我的自评 for enterprise people; every assessment in scope for others. */
export function AssessmentListPage() {
  const t = useAssessmentMessages();
  const labels = useConformanceLabels();
  const user = useCurrentUser();
  const url = useUrlState();
  const status = statusOf(url.get('status'));
  const list = useAssessmentList({ status, page: url.page, pageSize: url.pageSize });
  const mine = Boolean(user.enterpriseId);
  return (
    <>
      <PageHeader title={mine ? t.myTitle : t.listTitle} subtitle={mine ? t.mySubtitle : undefined} />
      <Card
        extra={
          <Select<AssessmentStatus>
            aria-label={t.status}
            placeholder={t.anyStatus}
            allowClear
            value={status}
            onChange={(next) => url.set({ status: next })}
            style={{ width: 160 }}
            options={ASSESSMENT_STATUSES.map((value) => ({ value, label: labels.assessmentStatus(value) }))}
          />
        }
      >
        {list.isError ? (
          <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <AssessmentTable
            data={list.data}
            loading={list.isFetching}
            mode={mine ? 'enterprise' : 'overview'}
            emptyText={status ? t.emptyFiltered : mine ? t.emptyMine : t.emptyFiltered}
            onPage={(page, pageSize) => url.set({ page, pageSize })}
          />
        )}
      </Card>
    </>
  );
}

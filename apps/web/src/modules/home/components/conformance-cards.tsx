import { AuditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Progress, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate } from '../../../ui/format';
import { AssessmentStatusTag, CertificateStatusTag } from '../../../ui/status-tags';
import { useAssessmentList } from '../../assessments';
import { useCertificateList } from '../../certificates';
import { useHomeMessages } from '../messages';

/** 待办 for enterprise people: open self-assessments and the certificate's status. */
export function ConformanceTodoCard() {
  const t = useHomeMessages();
  const assessments = useAssessmentList({ page: 1, pageSize: 20 });
  const certificates = useCertificateList({ page: 1, pageSize: 5 });
  const open = (assessments.data?.items ?? []).filter((item) => item.status !== 'accepted');
  const current = certificates.data?.items[0];
  return (
    <Card
      title={t.todo}
      style={{ marginTop: 16 }}
      data-testid="conformance-todo"
      extra={
        <Link to="/assessments">
          <Button type="link">{t.allAssessments}</Button>
        </Link>
      }
    >
      {assessments.isPending ? (
        <Skeleton active />
      ) : assessments.isError ? (
        <ErrorResult error={assessments.error} onRetry={() => void assessments.refetch()} />
      ) : open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noTodo} />
      ) : (
        <List
          dataSource={open}
          renderItem={(item) => (
            <List.Item
              actions={[
                <Link key="open" to={`/assessments/${item.id}`}>
                  {['submitted'].includes(item.status) ? t.view : t.continueAssessment}
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Flex gap={8} align="center" wrap>
                    <Link to={`/assessments/${item.id}`}>{item.campaign?.name ?? item.standardVersionLabel}</Link>
                    <AssessmentStatusTag status={item.status} />
                  </Flex>
                }
                description={item.dueDate ? `${t.dueDate} ${formatDate(item.dueDate)}` : item.standardVersionLabel}
              />
              <Progress
                percent={item.total > 0 ? Math.round((item.answered / item.total) * 100) : 0}
                format={() => `${item.answered}/${item.total}`}
                size="small"
                style={{ width: 160 }}
              />
            </List.Item>
          )}
        />
      )}
      <Flex
        align="center"
        gap={12}
        style={{ marginTop: 12, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}
        data-testid="certificate-status-line"
      >
        <SafetyCertificateOutlined style={{ fontSize: 20, color: '#1f4e9c' }} />
        {current ? (
          <>
            <Typography.Text>
              {t.certificate}：<Link to={`/certificates/${current.id}`}>{current.number}</Link>
            </Typography.Text>
            <CertificateStatusTag status={current.status} />
            <Typography.Text type="secondary">
              {t.validUntil} {formatDate(current.validUntil)}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t.noCertificate}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** For reviewers: how many self-assessments wait for review in their region. */
export function ReviewWaitingCard() {
  const t = useHomeMessages();
  const waiting = useAssessmentList({ status: 'submitted', page: 1, pageSize: 1 });
  return (
    <Card style={{ marginBottom: 16 }} data-testid="review-waiting">
      <Flex align="center" justify="space-between" wrap gap={12}>
        <Statistic
          title={t.waitingReview}
          value={waiting.data?.total ?? 0}
          loading={waiting.isPending}
          prefix={<AuditOutlined />}
          suffix={t.copies}
        />
        <Link to="/reviews">
          <Button type="primary">{t.goReview}</Button>
        </Link>
      </Flex>
    </Card>
  );
}

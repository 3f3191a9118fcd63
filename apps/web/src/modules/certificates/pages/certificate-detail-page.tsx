import { FilePdfOutlined, LinkOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult, errorMessage } from '../../../ui/error-result';
import { formatDate, formatDateTime, formatScore, orDash } from '../../../ui/format';
import { PageHeader } from '../../../ui/page-header';
import { ReasonModal } from '../../../ui/reason-modal';
import { CertificateStatusTag } from '../../../ui/status-tags';
import { downloadCertificatePdf, useCertificate, useRevokeCertificate } from '../hooks/use-certificates';
import { useCertificateMessages } from '../messages';

export function CertificateDetailPage() {
  const { id = '' } = useParams();
  const t = useCertificateMessages();
  const common = useCommonMessages();
  const { can } = useAuth();
  const { message } = App.useApp();
  const certificate = useCertificate(id);
  const revoke = useRevokeCertificate(id);
  const [revoking, setRevoking] = useState(false);
  const [downloading, setDownloading] = useState(false);

  if (certificate.isPending) {
    return <Skeleton active paragraph={{ rows: 10 }} />;
  }
  if (certificate.isError) {
    return <ErrorResult error={certificate.error} onRetry={() => void certificate.refetch()} />;
  }
  const data = certificate.data;
  const verifyPath = `/verify/certificates/${encodeURIComponent(data.number)}`;

  const onPdf = async () => {
    setDownloading(true);
    try {
      void message.success(t.downloaded(await downloadCertificatePdf(data)));
    } catch (error) {
      void message.error(errorMessage(error, common.networkError));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <span data-testid="certificate-number" style={{ fontFamily: 'monospace' }}>
            {data.number}
          </span>
        }
        subtitle={data.enterprise.name}
        crumbs={[{ title: t.listTitle, to: '/certificates' }, { title: data.number }]}
        extra={
          <>
            <a href={verifyPath} target="_blank" rel="noreferrer">
              <Button icon={<LinkOutlined />}>{t.verifyLink}</Button>
            </a>
            <Button icon={<FilePdfOutlined />} loading={downloading} onClick={() => void onPdf()}>
              {t.downloadPdf}
            </Button>
            {can('certificate:revoke') && data.status !== 'revoked' ? (
              <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)}>
                {t.revoke}
              </Button>
            ) : null}
          </>
        }
      />
      {data.status === 'revoked' ? (
        <Alert
          type="error"
          showIcon
          title={t.revokedBanner}
          description={`${t.revokeReason}：${orDash(data.revokeReason)}（${formatDateTime(data.revokedAt)}）`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {data.status === 'expired' ? (
        <Alert type="warning" showIcon title={t.expiredBanner} style={{ marginBottom: 16 }} />
      ) : null}
      <Card title={t.detail}>
        <Descriptions
          bordered
          column={{ xs: 1, md: 2 }}
          data-testid="certificate-details"
          items={[
            {
              key: 'number',
              label: t.number,
              children: <Typography.Text copyable>{data.number}</Typography.Text>,
            },
            { key: 'status', label: t.status, children: <CertificateStatusTag status={data.status} /> },
            {
              key: 'enterprise',
              label: t.enterprise,
              children: <Link to={`/enterprises/${data.enterprise.id}`}>{data.enterprise.name}</Link>,
            },
            { key: 'uscc', label: t.uscc, children: data.enterprise.uscc },
            { key: 'region', label: t.region, children: data.regionName },
            { key: 'industry', label: t.industry, children: data.industryName },
            { key: 'standard', label: t.standard, children: data.standardVersionLabel },
            { key: 'guide', label: t.guide, children: orDash(data.guideVersionLabel) },
            { key: 'score', label: t.score, children: formatScore(data.scoreBp) },
            {
              key: 'validity',
              label: t.validity,
              children: `${formatDate(data.validFrom)} ~ ${formatDate(data.validUntil)}`,
            },
            { key: 'issued', label: t.issuedAt, children: formatDateTime(data.createdAt) },
            {
              key: 'assessment',
              label: t.assessment,
              children: <Link to={`/assessments/${data.assessmentId}`}>{t.openAssessment}</Link>,
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={revoking}
        title={t.revokeTitle(data.number)}
        label={t.revokeLabel}
        placeholder={t.revokePlaceholder}
        requiredMessage={t.revokeRequired}
        okText={t.revoke}
        danger
        onClose={() => setRevoking(false)}
        onSubmit={async (reason) => {
          await revoke.mutateAsync(reason);
          void message.success(t.revoked);
        }}
      />
    </>
  );
}

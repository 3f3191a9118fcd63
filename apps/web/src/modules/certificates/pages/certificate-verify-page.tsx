import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { CertificateStatus } from '@shangmi/shared';
import { Alert, Card, Descriptions, Flex, Input, Result, Skeleton, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/client';
import type { PublicCertificate } from '../../../api/types';
import { useCommonMessages } from '../../../i18n/common';
import { ErrorResult } from '../../../ui/error-result';
import { formatDate, formatDateTime, orDash } from '../../../ui/format';
import { LanguageSwitch } from '../../../ui/language-switch';
import { usePublicCertificate } from '../hooks/use-certificates';
import { useCertificateMessages } from '../messages';

const STATUS_LOOK: Record<CertificateStatus, { color: string; icon: ReactNode }> = {
  valid: { color: '#389e0d', icon: <CheckCircleFilled /> },
  expired: { color: '#d48806', icon: <ExclamationCircleFilled /> },
  revoked: { color: '#cf1322', icon: <CloseCircleFilled /> },
};

interface VerifiedProps {
  certificate: PublicCertificate;
}

function Verified({ certificate }: VerifiedProps) {
  const t = useCertificateMessages();
  const look = STATUS_LOOK[certificate.status];
  const headline = { valid: t.statusValid, expired: t.statusExpired, revoked: t.statusRevoked }[certificate.status];
  return (
    <>
      <Flex
        vertical
        align="center"
        gap={4}
        style={{ padding: '8px 0 20px' }}
        data-testid="verify-status"
        data-status={certificate.status}
      >
        <span style={{ fontSize: 56, color: look.color, lineHeight: 1 }}>{look.icon}</span>
        <Typography.Title level={3} style={{ margin: '8px 0 0', color: look.color }}>
          {certificate.statusLabel}
        </Typography.Title>
        <Typography.Text type="secondary">{headline}</Typography.Text>
      </Flex>
      {certificate.status === 'revoked' ? (
        <Alert
          type="error"
          showIcon
          title={`${t.revokeReason}：${orDash(certificate.revokeReason)}`}
          description={`${t.revokedAt}：${formatDateTime(certificate.revokedAt)}`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions
        bordered
        column={1}
        size="middle"
        data-testid="verify-details"
        items={[
          {
            key: 'number',
            label: t.number,
            children: <span style={{ fontFamily: 'monospace' }}>{certificate.number}</span>,
          },
          { key: 'holder', label: t.holder, children: certificate.holder },
          { key: 'uscc', label: t.uscc, children: <span style={{ fontFamily: 'monospace' }}>{certificate.uscc}</span> },
          { key: 'standard', label: t.standard, children: certificate.standard },
          ...(certificate.guide ? [{ key: 'guide', label: t.guide, children: certificate.guide }] : []),
          {
            key: 'validity',
            label: t.validity,
            children: `${formatDate(certificate.validFrom)} ~ ${formatDate(certificate.validUntil)}`,
          },
        ]}
      />
    </>
  );
}

/** The public page the certificate's QR code opens: no login, outside the app's layout. */
export function CertificateVerifyPage() {
  const { number = '' } = useParams();
  const t = useCertificateMessages();
  const common = useCommonMessages();
  const navigate = useNavigate();
  const certificate = usePublicCertificate(number);
  const notFound = certificate.isError && isApiError(certificate.error) && certificate.error.status === 404;

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', background: '#f3f5f9' }}>
      <Flex
        align="center"
        justify="space-between"
        style={{ width: '100%', boxSizing: 'border-box', background: '#0f2a56', color: '#fff', padding: '12px 24px' }}
      >
        <Flex align="center" gap={10}>
          <SafetyCertificateOutlined style={{ fontSize: 22 }} />
          <span style={{ fontSize: 16, fontWeight: 600, letterSpacing: 1 }}>{common.appTitle}</span>
        </Flex>
        <LanguageSwitch dark />
      </Flex>
      <div style={{ width: '100%', maxWidth: 680, padding: '32px 16px' }}>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          {t.verifyTitle}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t.verifySubtitle}
        </Typography.Paragraph>
        <Card>
          {certificate.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : notFound ? (
            <Result status="warning" title={t.notFound} subTitle={t.notFoundHint} data-testid="verify-not-found" />
          ) : certificate.isError ? (
            <ErrorResult error={certificate.error} onRetry={() => void certificate.refetch()} />
          ) : (
            <Verified certificate={certificate.data} />
          )}
          <Input.Search
            style={{ marginTop: 24 }}
            placeholder={t.lookupPlaceholder}
            aria-label={t.lookupPlaceholder}
            enterButton={t.lookup}
            defaultValue={number}
            onSearch={(value) => {
              const next = value.trim();
              if (next) {
                void navigate(`/verify/certificates/${encodeURIComponent(next)}`);
              }
            }}
          />
        </Card>
        <Flex justify="space-between" style={{ marginTop: 16 }} wrap gap={8}>
          <Typography.Text type="secondary">
            {t.issuer} · {t.checkedAt(dayjs().format('YYYY-MM-DD HH:mm'))}
          </Typography.Text>
          <Link to="/login">{t.loginLink}</Link>
        </Flex>
      </div>
    </Flex>
  );
}

import type { AssessmentStatus, CertificateStatus, FrameworkVersionStatus } from '@shangmi/shared';
import { Tag } from 'antd';
import { useConformanceLabels } from '../i18n/conformance-labels';

const ASSESSMENT_COLORS: Record<AssessmentStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

export interface AssessmentStatusTagProps {
  status: AssessmentStatus;
}

export function AssessmentStatusTag({ status }: AssessmentStatusTagProps) {
  const labels = useConformanceLabels();
  return (
    <Tag color={ASSESSMENT_COLORS[status]} data-testid="assessment-status">
      {labels.assessmentStatus(status)}
    </Tag>
  );
}

const CERTIFICATE_COLORS: Record<CertificateStatus, string> = { valid: 'green', expired: 'default', revoked: 'red' };

export interface CertificateStatusTagProps {
  status: CertificateStatus;
}

export function CertificateStatusTag({ status }: CertificateStatusTagProps) {
  const labels = useConformanceLabels();
  return (
    <Tag color={CERTIFICATE_COLORS[status]} data-testid="certificate-status">
      {labels.certificateStatus(status)}
    </Tag>
  );
}

const VERSION_COLORS: Record<FrameworkVersionStatus, string> = {
  draft: 'gold',
  published: 'green',
  retired: 'default',
};

export interface VersionStatusTagProps {
  status: FrameworkVersionStatus;
}

export function VersionStatusTag({ status }: VersionStatusTagProps) {
  const labels = useConformanceLabels();
  return <Tag color={VERSION_COLORS[status]}>{labels.versionStatus(status)}</Tag>;
}

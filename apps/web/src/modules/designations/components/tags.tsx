import type { ApplicationStatus, DesignationKind, DesignationStatus } from '@shangmi/shared';
import { Tag } from 'antd';
import { useDesignationLabels } from '../messages';

const APPLICATION_COLORS: Record<ApplicationStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  county_passed: 'cyan',
  expert_review: 'processing',
  scored: 'geekblue',
  notice: 'gold',
  rejected: 'red',
  designated: 'green',
  withdrawn: 'default',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const labels = useDesignationLabels();
  return (
    <Tag color={APPLICATION_COLORS[status]} data-testid="application-status">
      {labels.applicationStatus[status]}
    </Tag>
  );
}

const DESIGNATION_COLORS: Record<DesignationStatus, string> = { active: 'green', rectifying: 'orange', revoked: 'red' };

export function DesignationStatusTag({ status }: { status: DesignationStatus }) {
  const labels = useDesignationLabels();
  return (
    <Tag color={DESIGNATION_COLORS[status]} data-testid="designation-status">
      {labels.designationStatus[status]}
    </Tag>
  );
}

const KIND_COLORS: Record<DesignationKind, string> = { base: 'purple', station: 'blue', enterprise: 'gold' };

export function KindTag({ kind }: { kind: DesignationKind }) {
  const labels = useDesignationLabels();
  return <Tag color={KIND_COLORS[kind]}>{labels.kind[kind]}</Tag>;
}

import type { EnterpriseStatus } from '@shangmi/shared';
import { Tag } from 'antd';
import { useDomainLabels } from '../../../i18n/labels';

export interface EnterpriseStatusTagProps {
  status: EnterpriseStatus;
}

export function EnterpriseStatusTag({ status }: EnterpriseStatusTagProps) {
  const labels = useDomainLabels();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{labels.enterpriseStatus(status)}</Tag>;
}

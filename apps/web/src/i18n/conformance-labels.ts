import {
  ASSESSMENT_ANSWER_LABELS,
  ASSESSMENT_STATUS_LABELS,
  CERTIFICATE_STATUS_LABELS,
  type AssessmentAnswer,
  type AssessmentStatus,
  type CertificateStatus,
  type FrameworkKind,
  type FrameworkVersionStatus,
} from '@shangmi/shared';
import type { ReviewDecision } from '../api/types';
import { defineMessages } from './language';

export type CampaignStatus = 'open' | 'closed';

/** Labels of the 贯标 vocabulary; Chinese from @shangmi/shared, English here. */
export interface ConformanceLabels {
  answer: (answer: AssessmentAnswer) => string;
  assessmentStatus: (status: AssessmentStatus) => string;
  certificateStatus: (status: CertificateStatus) => string;
  versionStatus: (status: FrameworkVersionStatus) => string;
  frameworkKind: (kind: FrameworkKind) => string;
  decision: (decision: ReviewDecision) => string;
  campaignStatus: (status: CampaignStatus) => string;
  mandatory: string;
  recommended: string;
  certified: string;
}

const ANSWERS_EN: Record<AssessmentAnswer, string> = {
  conform: 'Conforms',
  partial: 'Partly conforms',
  nonconform: 'Does not conform',
  na: 'Not applicable',
};
const ASSESSMENT_STATUSES_EN: Record<AssessmentStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  submitted: 'Submitted',
  returned: 'Returned',
  accepted: 'Accepted',
};
const CERTIFICATE_STATUSES_EN: Record<CertificateStatus, string> = {
  valid: 'Valid',
  expired: 'Expired',
  revoked: 'Revoked',
};
const VERSION_STATUSES: Record<'zh' | 'en', Record<FrameworkVersionStatus, string>> = {
  zh: { draft: '草稿', published: '已发布', retired: '已停用' },
  en: { draft: 'Draft', published: 'Published', retired: 'Retired' },
};
const KINDS: Record<'zh' | 'en', Record<FrameworkKind, string>> = {
  zh: { standard: '地方标准', guide: '行业指引' },
  en: { standard: 'Standard', guide: 'Industry guide' },
};
const DECISIONS: Record<'zh' | 'en', Record<ReviewDecision, string>> = {
  zh: { accept: '通过', return: '退回' },
  en: { accept: 'Accept', return: 'Return' },
};
const CAMPAIGN_STATUSES: Record<'zh' | 'en', Record<CampaignStatus, string>> = {
  zh: { open: '进行中', closed: '已结束' },
  en: { open: 'Open', closed: 'Closed' },
};

export const useConformanceLabels = defineMessages<ConformanceLabels>({
  zh: {
    answer: (answer) => ASSESSMENT_ANSWER_LABELS[answer],
    assessmentStatus: (status) => ASSESSMENT_STATUS_LABELS[status],
    certificateStatus: (status) => CERTIFICATE_STATUS_LABELS[status],
    versionStatus: (status) => VERSION_STATUSES.zh[status],
    frameworkKind: (kind) => KINDS.zh[kind],
    decision: (decision) => DECISIONS.zh[decision],
    campaignStatus: (status) => CAMPAIGN_STATUSES.zh[status],
    mandatory: '强制',
    recommended: '推荐',
    certified: '已发证',
  },
  en: {
    answer: (answer) => ANSWERS_EN[answer],
    assessmentStatus: (status) => ASSESSMENT_STATUSES_EN[status],
    certificateStatus: (status) => CERTIFICATE_STATUSES_EN[status],
    versionStatus: (status) => VERSION_STATUSES.en[status],
    frameworkKind: (kind) => KINDS.en[kind],
    decision: (decision) => DECISIONS.en[decision],
    campaignStatus: (status) => CAMPAIGN_STATUSES.en[status],
    mandatory: 'Mandatory',
    recommended: 'Recommended',
    certified: 'Certified',
  },
});

/** Vocabulary of standards and conformance (贯标), shared by server and web. */
export const ASSESSMENT_ANSWERS = ['conform', 'partial', 'nonconform', 'na'] as const;
export type AssessmentAnswer = (typeof ASSESSMENT_ANSWERS)[number];
export const ASSESSMENT_ANSWER_LABELS: Record<AssessmentAnswer, string> = {
  conform: '符合',
  partial: '部分符合',
  nonconform: '不符合',
  na: '不适用',
};

export const ASSESSMENT_STATUSES = ['not_started', 'in_progress', 'submitted', 'returned', 'accepted'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  not_started: '未开始',
  in_progress: '填写中',
  submitted: '已提交',
  returned: '已退回',
  accepted: '已通过',
};

export const FRAMEWORK_KINDS = ['standard', 'guide'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];
export const FRAMEWORK_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type FrameworkVersionStatus = (typeof FRAMEWORK_VERSION_STATUSES)[number];

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> = {
  valid: '有效',
  expired: '已过期',
  revoked: '已撤销',
};

export const EVIDENCE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  /** Allowed upload types: documents and images only, never anything executable. */
  mimeTypes: {
    'application/pdf': ['.pdf'],
    'image/png': ['.png'],
    'image/jpeg': ['.jpg', '.jpeg'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
    'text/plain': ['.txt'],
  } as Record<string, readonly string[]>,
} as const;

/** Certificates are valid one year by default; re-assessment opens this many days before expiry. */
export const CERTIFICATE_DEFAULTS = { validDays: 365, renewalNoticeDays: 60 } as const;

/**
 * The enterprise's own secret register (秘点, 密级), personnel, agreements and offboarding: the
 * vocabulary both sides share. Contents never leave the enterprise; government sees aggregates only.
 */

/** The two families of trade secret (反不正当竞争法 第9条): technical and business information. */
export const SECRET_CATEGORY_GROUPS = ['technical', 'business'] as const;
export type SecretCategoryGroup = (typeof SECRET_CATEGORY_GROUPS)[number];
export const SECRET_CATEGORY_GROUP_LABELS: Record<SecretCategoryGroup, string> = {
  technical: '技术信息',
  business: '经营信息',
};

export const SECRET_CATEGORIES = [
  'formula',
  'process',
  'drawing',
  'source_code',
  'algorithm',
  'data',
  'sample',
  'customer',
  'supply',
  'pricing',
  'marketing',
  'bidding',
  'other_technical',
  'other_business',
] as const;
export type SecretCategory = (typeof SECRET_CATEGORIES)[number];
export const SECRET_CATEGORY_LABELS: Record<SecretCategory, string> = {
  formula: '配方',
  process: '工艺',
  drawing: '图纸',
  source_code: '源代码',
  algorithm: '算法',
  data: '数据',
  sample: '样品',
  customer: '客户信息',
  supply: '供应渠道',
  pricing: '价格策略',
  marketing: '营销方案',
  bidding: '招投标',
  other_technical: '其他技术信息',
  other_business: '其他经营信息',
};
export const SECRET_CATEGORY_GROUP: Record<SecretCategory, SecretCategoryGroup> = {
  formula: 'technical',
  process: 'technical',
  drawing: 'technical',
  source_code: 'technical',
  algorithm: 'technical',
  data: 'technical',
  sample: 'technical',
  customer: 'business',
  supply: 'business',
  pricing: 'business',
  marketing: 'business',
  bidding: 'business',
  other_technical: 'technical',
  other_business: 'business',
};

/**
 * Classification levels (密级). Each enterprise may rename its levels and add its own; the codes
 * below are the defaults every enterprise starts with. A level marked `core` triggers the
 * confidentiality notice, the high-risk offboarding flag and the non-compete signing rate.
 */
export interface SecretLevel {
  code: string;
  name: string;
  core: boolean;
}
export const DEFAULT_SECRET_LEVELS: readonly SecretLevel[] = [
  { code: 'core', name: '核心商密', core: true },
  { code: 'important', name: '重要商密', core: false },
  { code: 'general', name: '一般商密', core: false },
];
export const SECRET_LEVEL_LIMITS = { maxLevels: 8, codePattern: '^[a-z][a-z0-9_]{1,23}$' } as const;

/** A point's life: draft → confirmed (by the enterprise admin) → declassified | destroyed. Nothing is deleted. */
export const SECRET_POINT_STATUSES = ['draft', 'confirmed', 'declassified', 'destroyed'] as const;
export type SecretPointStatus = (typeof SECRET_POINT_STATUSES)[number];
export const SECRET_POINT_STATUS_LABELS: Record<SecretPointStatus, string> = {
  draft: '草稿',
  confirmed: '已确认',
  declassified: '已解密',
  destroyed: '已销毁',
};

/** Events in a point's life, each with who and when. */
export const SECRET_EVENT_KINDS = [
  'created',
  'circulated',
  'copied',
  'released',
  'changed',
  'confirmed',
  'declassified',
  'destroyed',
] as const;
export type SecretEventKind = (typeof SECRET_EVENT_KINDS)[number];
export const SECRET_EVENT_KIND_LABELS: Record<SecretEventKind, string> = {
  created: '产生',
  circulated: '流转',
  copied: '复制',
  released: '对外披露',
  changed: '变更',
  confirmed: '确认',
  declassified: '解密',
  destroyed: '销毁',
};
/** Events a user records by hand; the others follow from status changes. */
export const MANUAL_SECRET_EVENT_KINDS = ['circulated', 'copied', 'released', 'changed'] as const;

export const CARRIER_KINDS = ['paper', 'electronic', 'sample', 'equipment', 'other'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export const CARRIER_KIND_LABELS: Record<CarrierKind, string> = {
  paper: '纸质',
  electronic: '电子',
  sample: '实物样品',
  equipment: '设备/模具',
  other: '其他',
};
export const CARRIER_STATUSES = ['held', 'returned', 'destroyed'] as const;
export type CarrierStatus = (typeof CARRIER_STATUSES)[number];
export const CARRIER_STATUS_LABELS: Record<CarrierStatus, string> = {
  held: '在管',
  returned: '已收回',
  destroyed: '已销毁',
};

export const MEASURE_STATUSES = ['planned', 'in_place'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: '计划中',
  in_place: '已落实',
};

/** The three properties a court examines (反不正当竞争法 第9条; 法释〔2020〕7号). */
export const SECRET_PROPERTIES = ['secrecy', 'value', 'protection'] as const;
export type SecretProperty = (typeof SECRET_PROPERTIES)[number];
export const SECRET_PROPERTY_LABELS: Record<SecretProperty, string> = {
  secrecy: '秘密性',
  value: '价值性',
  protection: '保密性',
};

/** The court-readiness checklist: each item belongs to one property. */
export const READINESS_ITEMS = [
  'specific_description',
  'scope_defined',
  'value_statement',
  'carrier_registered',
  'carrier_attested',
  'custodians_signed',
  'knowers_signed',
  'measures_in_place',
  'knowers_trained',
] as const;
export type ReadinessItem = (typeof READINESS_ITEMS)[number];
export const READINESS_ITEM_PROPERTY: Record<ReadinessItem, SecretProperty> = {
  specific_description: 'secrecy',
  scope_defined: 'secrecy',
  value_statement: 'value',
  carrier_registered: 'value',
  carrier_attested: 'value',
  custodians_signed: 'protection',
  knowers_signed: 'protection',
  measures_in_place: 'protection',
  knowers_trained: 'protection',
};
export const READINESS_ITEM_LABELS: Record<ReadinessItem, string> = {
  specific_description: '秘点内容具体明确（可向法院陈述的具体内容）',
  scope_defined: '已划定知悉范围',
  value_statement: '已说明商业价值',
  carrier_registered: '已登记载体',
  carrier_attested: '载体已存证',
  custodians_signed: '载体保管人均已签署保密协议',
  knowers_signed: '知悉人员均已签署保密协议',
  measures_in_place: '已落实与标准要求关联的保护措施',
  knowers_trained: '知悉人员均已接受保密培训',
};
/** A description shorter than this is not "specific" enough to state in court. */
export const SECRET_LIMITS = {
  specificDescriptionMinChars: 30,
  nameMax: 100,
  contentMax: 20000,
  noteMax: 2000,
  importMaxRows: 2000,
  pageSizeMax: 100,
} as const;

export const PERSONNEL_STATUSES = ['active', 'leaving', 'left'] as const;
export type PersonnelStatus = (typeof PERSONNEL_STATUSES)[number];
export const PERSONNEL_STATUS_LABELS: Record<PersonnelStatus, string> = {
  active: '在职',
  leaving: '离职办理中',
  left: '已离职',
};

export const AGREEMENT_KINDS = ['confidentiality', 'non_compete'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];
export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  confidentiality: '保密协议',
  non_compete: '竞业限制协议',
};
export const AGREEMENT_STATUSES = ['active', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  active: '有效',
  terminated: '已终止',
};
/** 劳动合同法 第24条: the non-compete period after leaving may not exceed two years. */
export const NON_COMPETE_MAX_MONTHS = 24;
export const NON_COMPETE_REFUSAL = '竞业限制期限不得超过二年（《中华人民共和国劳动合同法》第二十四条）';

export const OFFBOARDING_STEPS = [
  'carriers_returned',
  'access_revoked',
  'exit_interview',
  'reminder_letter',
  'non_compete_activated',
] as const;
export type OffboardingStep = (typeof OFFBOARDING_STEPS)[number];
export const OFFBOARDING_STEP_LABELS: Record<OffboardingStep, string> = {
  carriers_returned: '收回涉密载体',
  access_revoked: '注销系统与门禁权限',
  exit_interview: '离职保密谈话',
  reminder_letter: '出具保密义务提醒函',
  non_compete_activated: '启动竞业限制并确定补偿支付计划',
};
/** Days after the offboarding starts by which each step is due (overdue steps remind the admin). */
export const OFFBOARDING_STEP_DUE_DAYS: Record<OffboardingStep, number> = {
  carriers_returned: 0,
  access_revoked: 0,
  exit_interview: 3,
  reminder_letter: 3,
  non_compete_activated: 30,
};
export const OFFBOARDING_STATUSES = ['open', 'completed'] as const;
export type OffboardingStatus = (typeof OFFBOARDING_STATUSES)[number];
export const OFFBOARDING_STATUS_LABELS: Record<OffboardingStatus, string> = {
  open: '办理中',
  completed: '已完成',
};
/** 脱密期: a period before leaving during which the person is moved off secret work; at most 6 months here. */
export const DECLASSIFICATION_PERIOD_MAX_MONTHS = 6;

/** What the content-access log records. */
export const SECRET_ACCESS_ACTIONS = ['read', 'acknowledge', 'export'] as const;
export type SecretAccessAction = (typeof SECRET_ACCESS_ACTIONS)[number];
export const SECRET_ACCESS_ACTION_LABELS: Record<SecretAccessAction, string> = {
  read: '查看内容',
  acknowledge: '确认保密告知',
  export: '导出',
};

export const CONFIDENTIALITY_NOTICE =
  '您即将查看本企业的核心商业秘密。您对该信息负有保密义务：不得披露、使用或允许他人使用，不得复制或带离，' +
  '查看行为将被记录。违反保密义务将依法承担法律责任（《中华人民共和国反不正当竞争法》第九条）。';

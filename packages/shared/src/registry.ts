/** Vocabulary of the registry shared by server and web. Lists that a deployment may extend are seeds. */
export const REGION_KINDS = ['province', 'city', 'county', 'district', 'county_city', 'dev_zone', 'town'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

export const ORGANIZATION_KINDS = [
  'department',
  'enterprise',
  'association',
  'service_provider',
  'service_station',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  department: '政府部门',
  enterprise: '企业',
  association: '行业协会（商会）',
  service_provider: '第三方服务机构',
  service_station: '服务站（点）',
};

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const ENTERPRISE_SIZE_LABELS: Record<EnterpriseSize, string> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

export const ENTERPRISE_STATUSES = ['active', 'archived'] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  active: '正常',
  archived: '已归档',
};

/** Seeded industry list (configurable: stored in the `industries` table). */
export const DEFAULT_INDUSTRIES: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'ejiao_tcm', name: '阿胶/中医药' },
  { code: 'chemical', name: '化工' },
  { code: 'bearing', name: '轴承' },
  { code: 'nonferrous', name: '有色金属' },
  { code: 'steel_pipe', name: '钢管' },
  { code: 'auto_parts', name: '汽车零部件' },
  { code: 'agri_processing', name: '农副产品加工' },
  { code: 'textile', name: '纺织' },
  { code: 'equipment', name: '高端装备' },
  { code: 'new_materials', name: '新材料' },
  { code: 'biomedicine', name: '生物医药' },
  { code: 'electronics', name: '电子信息' },
];

export const HONOURS = ['single_champion', 'specialized', 'gazelle', 'leading', 'pioneer'] as const;
export type Honour = (typeof HONOURS)[number];
export const HONOUR_LABELS: Record<Honour, string> = {
  single_champion: '单项冠军',
  specialized: '专精特新',
  gazelle: '瞪羚',
  leading: '龙头',
  pioneer: '领军',
};

/** Limits used by validation on both sides. */
export const LIMITS = {
  pageSizeMax: 200,
  nameMax: 200,
  addressMax: 500,
  importRowsMax: 20000,
  importFileBytesMax: 20 * 1024 * 1024,
  passwordMin: 10,
  loginFailuresMax: 5,
  loginLockMinutes: 15,
} as const;

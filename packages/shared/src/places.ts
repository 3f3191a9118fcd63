/** Vocabulary of service stations, demonstration bases and their criteria, shared by server and web. */
export const STATION_HOST_KINDS = [
  'market_supervision_office',
  'township',
  'community_center',
  'association',
  'industrial_park',
  'service_provider',
] as const;
export type StationHostKind = (typeof STATION_HOST_KINDS)[number];
export const STATION_HOST_KIND_LABELS: Record<StationHostKind, string> = {
  market_supervision_office: '市场监管所',
  township: '乡镇（街道）',
  community_center: '社区服务中心',
  association: '行业协会',
  industrial_park: '工业园区',
  service_provider: '第三方服务机构',
};

export const STATION_SERVICES = [
  'legal_consultation',
  'policy_interpretation',
  'technical_guidance',
  'rights_assistance',
  'complaint_intake',
] as const;
export type StationService = (typeof STATION_SERVICES)[number];
export const STATION_SERVICE_LABELS: Record<StationService, string> = {
  legal_consultation: '法律咨询',
  policy_interpretation: '政策解读',
  technical_guidance: '技术指导',
  rights_assistance: '维权援助',
  complaint_intake: '投诉受理',
};

export const PLACE_STATUSES = ['active', 'archived'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];
export const PLACE_STATUS_LABELS: Record<PlaceStatus, string> = {
  active: '在用',
  archived: '已停用',
};

export const BASE_HOST_KINDS = ['industrial_park', 'association', 'cluster', 'leading_enterprise'] as const;
export type BaseHostKind = (typeof BASE_HOST_KINDS)[number];
export const BASE_HOST_KIND_LABELS: Record<BaseHostKind, string> = {
  industrial_park: '工业园区',
  association: '行业协会',
  cluster: '产业集群',
  leading_enterprise: '龙头企业',
};

export const CRITERIA_KINDS = ['base', 'station', 'enterprise'] as const;
export type CriteriaKind = (typeof CRITERIA_KINDS)[number];
export const CRITERIA_KIND_LABELS: Record<CriteriaKind, string> = {
  base: '示范基地',
  station: '示范指导站（点）',
  enterprise: '示范企业',
};

/**
 * The plausible box for a place's coordinates in this deployment (Liaocheng). Another city changes
 * this one constant; the server validates against it, the forms show it as a hint, and it is the
 * public map's frame.
 */
export const PLACE_BOUNDS = { minLng: 115.2, maxLng: 116.6, minLat: 35.8, maxLat: 37.1 } as const;

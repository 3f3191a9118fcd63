import type { CriteriaKind } from './places';

/** The three kinds of designation of the plan (same codes as the construction guide's criteria kinds). */
export const DESIGNATION_KINDS = ['base', 'station', 'enterprise'] as const satisfies readonly CriteriaKind[];
export type DesignationKind = (typeof DESIGNATION_KINDS)[number];
export const DESIGNATION_KIND_LABELS: Record<DesignationKind, string> = {
  base: '示范基地',
  station: '示范指导站（点）',
  enterprise: '示范企业',
};

/** How an application came in: the enterprise for itself, a host for its base or station, a county's nomination. */
export const APPLICATION_ROUTES = ['self', 'host', 'nomination'] as const;
export type ApplicationRoute = (typeof APPLICATION_ROUTES)[number];
export const APPLICATION_ROUTE_LABELS: Record<ApplicationRoute, string> = {
  self: '自主申报',
  host: '依托单位申报',
  nomination: '县级推荐',
};

/**
 * An application's life: draft → submitted → (returned → submitted …) → county_passed → expert_review →
 * scored → approved (notice) | rejected → designated. Withdrawn only before county review ends.
 */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'county_passed',
  'expert_review',
  'scored',
  'notice',
  'rejected',
  'designated',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: '草稿',
  submitted: '待初审',
  returned: '已退回',
  county_passed: '初审通过',
  expert_review: '专家评审中',
  scored: '评审完成',
  notice: '公示中',
  rejected: '未通过',
  designated: '已授牌',
  withdrawn: '已撤回',
};

export const DESIGNATION_STATUSES = ['active', 'rectifying', 'revoked'] as const;
export type DesignationStatus = (typeof DESIGNATION_STATUSES)[number];
export const DESIGNATION_STATUS_LABELS: Record<DesignationStatus, string> = {
  active: '有效',
  rectifying: '限期整改',
  revoked: '已撤销',
};

export const REVIEW_OUTCOMES = ['keep', 'rectify', 'revoke'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  keep: '保留',
  rectify: '限期整改',
  revoke: '撤销',
};

export const OBJECTION_STATUSES = ['open', 'answered'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

/** Limits of the workflow. */
export const DESIGNATION_RULES = {
  minExperts: 3,
  maxExperts: 5,
  /** With this many experts the highest and lowest totals are dropped. */
  trimAtExperts: 5,
  defaultNoticeWorkingDays: 5,
  maxNoticeWorkingDays: 30,
} as const;

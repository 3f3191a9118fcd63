/** Vocabulary of the programme (plan as data, progress, responsibility list, evaluation), shared by server and web. */

/** What the plan counts: the three designation kinds and conforming enterprises (贯标企业). */
export const PROGRESS_KINDS = ['base', 'station', 'enterprise', 'conforming'] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];
export const PROGRESS_KIND_LABELS: Record<ProgressKind, string> = {
  base: '示范基地',
  station: '示范指导站（点）',
  enterprise: '示范企业',
  conforming: '贯标企业',
};
export const PROGRESS_KIND_UNITS: Record<ProgressKind, string> = {
  base: '个',
  station: '个',
  enterprise: '家',
  conforming: '家',
};

/**
 * Pace of a region against its allocation. The expected value on a date is the allocation times the
 * share of the final target the plan's milestone line reaches on that date (linear between milestones,
 * from 0 at the programme's start). on_track: actual ≥ expected; at_risk: actual ≥ PACE_AT_RISK_RATIO of
 * expected; behind: below that. A region is as good as its worst kind.
 */
export const PACE_STATUSES = ['on_track', 'at_risk', 'behind'] as const;
export type PaceStatus = (typeof PACE_STATUSES)[number];
export const PACE_STATUS_LABELS: Record<PaceStatus, string> = {
  on_track: '进度正常',
  at_risk: '有滞后风险',
  behind: '进度落后',
};
export const PACE_AT_RISK_RATIO = 0.8;

/** Stored statuses of a work item; `overdue` is derived (deadline passed and not done). */
export const WORK_ITEM_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];
export const WORK_ITEM_DISPLAY_STATUSES = ['not_started', 'in_progress', 'done', 'overdue'] as const;
export type WorkItemDisplayStatus = (typeof WORK_ITEM_DISPLAY_STATUSES)[number];
export const WORK_ITEM_STATUS_LABELS: Record<WorkItemDisplayStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  done: '已完成',
  overdue: '已逾期',
};

/** A key task's responsible units: the lead (牵头) is listed first, the others co-operate (配合). */
export const UNIT_ROLES = ['lead', 'cooperating'] as const;
export type UnitRole = (typeof UNIT_ROLES)[number];
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = { lead: '牵头单位', cooperating: '配合单位' };

export const TASK_FORCE_ROLES = ['convener', 'deputy_convener', 'member'] as const;
export type TaskForceRole = (typeof TASK_FORCE_ROLES)[number];
export const TASK_FORCE_ROLE_LABELS: Record<TaskForceRole, string> = {
  convener: '总召集人',
  deputy_convener: '副召集人',
  member: '成员',
};

export const INSPECTION_TARGETS = ['region', 'work_item'] as const;
export type InspectionTarget = (typeof INSPECTION_TARGETS)[number];
export const INSPECTION_TARGET_LABELS: Record<InspectionTarget, string> = { region: '区域', work_item: '工作事项' };

/** How an evaluation indicator is scored. */
export const INDICATOR_METHODS = ['auto', 'manual'] as const;
export type IndicatorMethod = (typeof INDICATOR_METHODS)[number];
export const INDICATOR_METHOD_LABELS: Record<IndicatorMethod, string> = {
  auto: '系统自动计分',
  manual: '人工评分（附佐证）',
};

/**
 * The data an automatic indicator is scored from. Designations and conforming enterprises: achievement
 * against the region's allocation (capped at 100 %); work items: share of the region's items due by the
 * round's end that were done by their deadline. Complaints and training have no module yet: manual.
 */
export const INDICATOR_SOURCES = [
  'designation_base',
  'designation_station',
  'designation_enterprise',
  'conforming',
  'workitems_on_time',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
export const INDICATOR_SOURCE_LABELS: Record<IndicatorSource, string> = {
  designation_base: '示范基地授牌数 / 分解任务',
  designation_station: '示范指导站（点）授牌数 / 分解任务',
  designation_enterprise: '示范企业授牌数 / 分解任务',
  conforming: '贯标企业数 / 分解任务',
  workitems_on_time: '责任清单事项按期完成率',
};

export const EVALUATION_ROUND_STATUSES = ['open', 'published'] as const;
export type EvaluationRoundStatus = (typeof EVALUATION_ROUND_STATUSES)[number];
export const EVALUATION_ROUND_STATUS_LABELS: Record<EvaluationRoundStatus, string> = {
  open: '评分中',
  published: '已发布',
};

/** The export format of a programme (JSON), so another city loads its own plan. */
export const PROGRAMME_DOCUMENT_FORMAT = 'shangmi.programme';
export const PROGRAMME_DOCUMENT_VERSION = 1;

/**
 * The programme (issue: programme): the plan as data (targets, milestones, key tasks with responsible
 * units, phases, safeguards, task force), allocation per county-level region, the responsibility list
 * (work items, progress reports with attachments), task force meetings with decisions, inspections, and
 * the evaluation (indicator tree, rounds, scores). Dates (YYYY-MM-DD) are text; lists are child tables.
 */
export interface ProgrammeTable {
  id: string;
  title: string;
  document_number: string;
  issuing_body: string;
  issued_on: string;
  period_start: string;
  period_end: string;
  /** The region the programme covers (a city, or a province rolling up cities); its children are the allocation units. */
  region_id: string;
  guiding_principles: string;
  goals: string;
  /** The task force office (工作专班办公室): host organisation (name, and id when it is registered) and director. */
  office_organization_name: string;
  office_organization_id: string | null;
  office_director: string;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeTargetTable {
  programme_id: string;
  kind: string;
  target: number;
}

export interface ProgrammeMilestoneTable {
  programme_id: string;
  due_on: string;
  title: string;
}

export interface ProgrammeMilestoneTargetTable {
  programme_id: string;
  due_on: string;
  kind: string;
  target: number;
}

export interface ProgrammeTaskTable {
  id: string;
  programme_id: string;
  position: number;
  title: string;
  content: string;
}

export interface ProgrammeTaskUnitTable {
  task_id: string;
  position: number;
  /** As the plan writes it, e.g. 市市场监管局 or 各县（市、区）人民政府、市属开发区管委会. */
  unit_name: string;
  organization_id: string | null;
  /** lead | cooperating: the plan lists the lead first. */
  role: string;
}

export interface ProgrammePhaseTable {
  programme_id: string;
  position: number;
  title: string;
  start_on: string;
  end_on: string;
  content: string;
  /** JSON array of strings: what the phase delivers. */
  deliverables: string;
}

export interface ProgrammeSafeguardTable {
  programme_id: string;
  position: number;
  title: string;
  content: string;
}

export interface TaskForceMemberTable {
  programme_id: string;
  position: number;
  /** convener | deputy_convener | member. */
  role: string;
  name: string;
  post: string;
  organization_name: string;
  organization_id: string | null;
}

export interface ProgrammeAllocationTable {
  programme_id: string;
  region_id: string;
  kind: string;
  target: number;
}

export interface WorkItemTable {
  id: string;
  programme_id: string;
  task_id: string | null;
  title: string;
  description: string;
  owner_organization_id: string;
  /** The owner's region path (copied; county scope is a prefix match, evaluation groups by it). */
  owner_region_path: string;
  deadline: string;
  /** not_started | in_progress | done (overdue is derived). */
  status: string;
  completed_on: string | null;
  meeting_id: string | null;
  decision_position: number | null;
  overdue_notified_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WorkItemPartnerTable {
  work_item_id: string;
  organization_id: string;
}

export interface WorkItemReportTable {
  id: string;
  work_item_id: string;
  author_user_id: string;
  author_name: string;
  organization_id: string;
  body: string;
  status_after: string;
  created_at: string;
}

export interface WorkItemAttachmentTable {
  id: string;
  report_id: string;
  work_item_id: string;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  storage_key: string;
  sha256: string;
  created_by: string;
  created_at: string;
}

export interface TaskForceMeetingTable {
  id: string;
  programme_id: string;
  held_on: string;
  title: string;
  location: string;
  /** JSON array of strings: who attended (name and unit as written). */
  attendees: string;
  agenda: string;
  minutes: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MeetingDecisionTable {
  meeting_id: string;
  position: number;
  text: string;
}

export interface InspectionTable {
  id: string;
  programme_id: string;
  target: string;
  region_id: string | null;
  work_item_id: string | null;
  /** Region path of the region or of the work item's owner (scope). */
  region_path: string;
  inspected_on: string;
  inspectors: string;
  findings: string;
  requirements: string;
  created_by: string;
  created_at: string;
}

export interface EvaluationIndicatorTable {
  id: string;
  programme_id: string;
  parent_id: string | null;
  position: number;
  code: string;
  name: string;
  /** Points (a group's points are the sum of its children's). */
  weight: number;
  /** auto | manual (leaves only; groups null). */
  method: string | null;
  source: string | null;
  description: string;
}

export interface EvaluationRoundTable {
  id: string;
  programme_id: string;
  name: string;
  period_start: string;
  period_end: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface EvaluationScoreTable {
  round_id: string;
  region_id: string;
  indicator_id: string;
  /** Hundredths of a point. */
  score_centi: number;
  /** 1 when computed from the data, 0 when entered by an evaluator. */
  automatic: number;
  /** What the automatic score was computed from, or the evaluator's evidence. */
  basis: string;
  scored_by: string | null;
  scored_at: string;
}

export interface ProgrammeTables {
  programmes: ProgrammeTable;
  programme_targets: ProgrammeTargetTable;
  programme_milestones: ProgrammeMilestoneTable;
  programme_milestone_targets: ProgrammeMilestoneTargetTable;
  programme_tasks: ProgrammeTaskTable;
  programme_task_units: ProgrammeTaskUnitTable;
  programme_phases: ProgrammePhaseTable;
  programme_safeguards: ProgrammeSafeguardTable;
  task_force_members: TaskForceMemberTable;
  programme_allocations: ProgrammeAllocationTable;
  work_items: WorkItemTable;
  work_item_partners: WorkItemPartnerTable;
  work_item_reports: WorkItemReportTable;
  work_item_attachments: WorkItemAttachmentTable;
  task_force_meetings: TaskForceMeetingTable;
  meeting_decisions: MeetingDecisionTable;
  inspections: InspectionTable;
  evaluation_indicators: EvaluationIndicatorTable;
  evaluation_rounds: EvaluationRoundTable;
  evaluation_scores: EvaluationScoreTable;
}

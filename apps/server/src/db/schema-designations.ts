/**
 * Tables of the designation workflow (issue: designations): applications with materials per criterion,
 * county review, expert review with blind scores, public notice with objections, designations and their
 * annual reviews. Dates (YYYY-MM-DD) are text; scores are integer tenths of a point.
 */
export interface DesignationApplicationTable {
  id: string;
  /** Readable number, e.g. SQ2026-0007. */
  number: string;
  /** base | station | enterprise (DESIGNATION_KINDS). */
  kind: string;
  /** The enterprise, station or base the application is for. */
  subject_id: string;
  subject_name: string;
  region_id: string;
  /** The county or zone (level-2 region) the subject sits in: the county that reviews it. */
  county_region_id: string;
  /** self | host | nomination. */
  route: string;
  applicant_organization_id: string;
  criteria_version_id: string;
  status: string;
  statement: string;
  county_review_note: string | null;
  county_reviewed_by: string | null;
  county_reviewed_at: string | null;
  /** Final score in tenths of a point, once every expert has scored. */
  final_score_tenths: number | null;
  decision: string | null;
  decision_date: string | null;
  decision_basis: string | null;
  decided_by: string | null;
  notice_start: string | null;
  notice_end: string | null;
  designation_id: string | null;
  created_by: string;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DesignationMaterialTable {
  application_id: string;
  item_code: string;
  note: string;
  /** JSON of what the records say for this criterion (auto_source), captured when the application was made. */
  facts_json: string | null;
  storage_key: string | null;
  file_name: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  updated_at: string;
}

export interface DesignationEventTable {
  application_id: string;
  seq: number;
  action: string;
  actor_id: string | null;
  note: string | null;
  at: string;
}

export interface DesignationExpertTable {
  application_id: string;
  expert_user_id: string;
  assigned_by: string;
  assigned_at: string;
  submitted_at: string | null;
}

export interface DesignationScoreTable {
  application_id: string;
  expert_user_id: string;
  item_code: string;
  score_tenths: number;
  comment: string;
}

/** A tie an expert declared with an organisation (employment, shareholding, kinship, advice): no assignment to it. */
export interface ExpertTieTable {
  id: string;
  expert_user_id: string;
  organization_id: string;
  note: string;
  declared_at: string;
}

export interface DesignationObjectionTable {
  id: string;
  application_id: string;
  name: string;
  contact: string;
  text: string;
  status: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  lodged_at: string;
}

/**
 * A designation: counts toward the plan's targets from designated_on until revoked_on (exclusive);
 * history is kept, nothing is deleted.
 */
export interface DesignationTable {
  id: string;
  number: string;
  kind: string;
  subject_id: string;
  subject_name: string;
  region_id: string;
  county_region_id: string;
  application_id: string | null;
  designated_on: string;
  /** active | rectifying | revoked. */
  status: string;
  rectify_by: string | null;
  revoked_on: string | null;
  revoke_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface DesignationReviewTable {
  id: string;
  designation_id: string;
  year: number;
  due_on: string;
  status: string;
  outcome: string | null;
  rectify_by: string | null;
  note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface DesignationTables {
  designation_applications: DesignationApplicationTable;
  designation_materials: DesignationMaterialTable;
  designation_events: DesignationEventTable;
  designation_experts: DesignationExpertTable;
  designation_scores: DesignationScoreTable;
  expert_ties: ExpertTieTable;
  designation_objections: DesignationObjectionTable;
  designations: DesignationTable;
  designation_reviews: DesignationReviewTable;
}

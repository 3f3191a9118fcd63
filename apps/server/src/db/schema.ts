import type { DesignationTables } from './schema-designations';
import type { LogTables } from './schema-log';
import type { ProgrammeTables } from './schema-programme';
import type { SecretTables } from './schema-secrets';

/**
 * Table types for Kysely. Portable across SQLite and PostgreSQL: ids are text made in application
 * code, times are ISO-8601 text (UTC), booleans are 0/1 integers, lists are child tables.
 */
export interface RegionTable {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  kind: string;
  /** Materialised path of ids, e.g. "/city/county/": descendant queries are a prefix match. */
  path: string;
  sort_order: number;
  created_at: string;
}

export interface IndustryTable {
  code: string;
  name: string;
  sort_order: number;
}

export interface OrganizationTable {
  id: string;
  kind: string;
  name: string;
  region_id: string;
  address: string;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  status: string;
  archived_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseTable {
  /** Same id as the enterprise's organisation row. */
  id: string;
  /** Copies of the organisation's name and region, kept in step by the enterprises service (list indexes). */
  name: string;
  region_id: string;
  uscc: string;
  industry_code: string;
  size: string;
  legal_representative: string | null;
  employees: number | null;
  synthetic: number;
  status: string;
  archived_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseHonourTable {
  enterprise_id: string;
  honour: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  organization_id: string;
  status: string;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginFailureTable {
  id: string;
  username: string;
  at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  request_id: string | null;
  client_ip: string | null;
  /** JSON array of field names; never values. */
  changed_fields: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface ImportJobTable {
  id: string;
  user_id: string;
  kind: string;
  status: string;
  file_name: string;
  total_rows: number;
  processed_rows: number;
  valid_rows: number;
  error_rows: number;
  imported_rows: number;
  /** JSON: row errors and the parsed valid rows waiting for commit. */
  report: string;
  message: string | null;
  created_at: string;
  updated_at: string;
}

export interface FrameworkTable {
  id: string;
  code: string;
  kind: string;
  name: string;
  industry_code: string | null;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface FrameworkVersionTable {
  id: string;
  framework_id: string;
  version: string;
  status: string;
  base_version_id: string | null;
  template: number;
  /** JSON: FrameworkContent (modules/frameworks/frameworks.content.ts). */
  content: string;
  requirement_count: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignTable {
  id: string;
  name: string;
  standard_version_id: string;
  owner_region_id: string;
  /** JSON: { regionIds: string[], industries: string[], honours: string[] }. */
  criteria: string;
  deadline: string;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AssessmentTable {
  id: string;
  enterprise_id: string;
  campaign_id: string | null;
  standard_version_id: string;
  guide_version_id: string | null;
  industry_code: string;
  region_id: string;
  status: string;
  round: number;
  score_bp: number | null;
  mandatory_unmet: number;
  due_date: string | null;
  renews_certificate_id: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssessmentAnswerTable {
  assessment_id: string;
  requirement_code: string;
  answer: string | null;
  na_reason: string | null;
  notes: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface AssessmentEvidenceTable {
  id: string;
  assessment_id: string;
  requirement_code: string;
  kind: string;
  file_name: string | null;
  mime_type: string | null;
  size_bytes: number | null;
  storage_key: string | null;
  sha256: string | null;
  link_type: string | null;
  link_id: string | null;
  link_label: string | null;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

export interface AssessmentRoundTable {
  id: string;
  assessment_id: string;
  round: number;
  submitted_at: string;
  submitted_by: string;
  answers: string;
  score_bp: number;
  mandatory_unmet: number;
  outcome: string | null;
  reviewer_id: string | null;
  decided_at: string | null;
  comment: string | null;
}

export interface AssessmentReviewItemTable {
  id: string;
  assessment_id: string;
  round: number;
  requirement_code: string;
  decision: string;
  comment: string | null;
  reviewer_id: string;
  created_at: string;
}

export interface CertificateTable {
  id: string;
  number: string;
  enterprise_id: string;
  assessment_id: string;
  standard_version_id: string;
  guide_version_id: string | null;
  region_id: string;
  industry_code: string;
  score_bp: number;
  valid_from: string;
  valid_until: string;
  status: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  issued_by: string;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  recipient_user_id: string | null;
  recipient_organization_id: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  created_at: string;
  read_at: string | null;
}

/** Per-user read state of notifications addressed to an organisation. */
export interface NotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: string;
}

/** Answer counts per (standard version, campaign or '', requirement, industry, county-level region). */
export interface ConformanceTallyTable {
  standard_version_id: string;
  campaign_key: string;
  requirement_code: string;
  industry_code: string;
  region_id: string;
  conform: number;
  partial: number;
  nonconform: number;
  na: number;
}

/** Analysed assessments per (standard version, campaign or '', industry, region, guide version or ''). */
export interface ConformanceAssessmentCountTable {
  standard_version_id: string;
  campaign_key: string;
  industry_code: string;
  region_id: string;
  guide_version_key: string;
  assessments: number;
}

/** A counter bumped with every change to a standard version's conformance tallies (readers' cache check). */
export interface ConformanceTallyRevisionTable {
  standard_version_id: string;
  revision: number;
}

export interface DB extends DesignationTables, LogTables, SecretTables, ProgrammeTables {
  regions: RegionTable;
  industries: IndustryTable;
  organizations: OrganizationTable;
  enterprises: EnterpriseTable;
  enterprise_honours: EnterpriseHonourTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  import_jobs: ImportJobTable;
  frameworks: FrameworkTable;
  framework_versions: FrameworkVersionTable;
  campaigns: CampaignTable;
  assessments: AssessmentTable;
  assessment_answers: AssessmentAnswerTable;
  assessment_evidence: AssessmentEvidenceTable;
  assessment_rounds: AssessmentRoundTable;
  assessment_review_items: AssessmentReviewItemTable;
  certificates: CertificateTable;
  notifications: NotificationTable;
  notification_reads: NotificationReadTable;
  conformance_tallies: ConformanceTallyTable;
  conformance_assessment_counts: ConformanceAssessmentCountTable;
  conformance_tally_revisions: ConformanceTallyRevisionTable;
  service_stations: ServiceStationTable;
  service_station_services: ServiceStationServiceTable;
  service_station_staff: ServiceStationStaffTable;
  demonstration_bases: DemonstrationBaseTable;
  demonstration_base_enterprises: DemonstrationBaseEnterpriseTable;
  criteria_versions: CriteriaVersionTable;
  criteria_items: CriteriaItemTable;
}

/** A service station: same id as its organisation row (kind service_station); name and region are copies. */
export interface ServiceStationTable {
  id: string;
  name: string;
  region_id: string;
  host_kind: string;
  host_organization_id: string | null;
  /** Millionths of a degree. */
  longitude_e6: number;
  latitude_e6: number;
  opening_hours: string;
  demonstration: number;
  status: string;
  archived_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceStationServiceTable {
  station_id: string;
  service: string;
}

export interface ServiceStationStaffTable {
  station_id: string;
  position: number;
  name: string;
  role: string;
  phone: string;
  liaison: number;
}

export interface DemonstrationBaseTable {
  id: string;
  name: string;
  host_kind: string;
  host_organization_id: string | null;
  region_id: string;
  address: string;
  longitude_e6: number;
  latitude_e6: number;
  description: string;
  designated: number;
  status: string;
  archived_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface DemonstrationBaseEnterpriseTable {
  base_id: string;
  enterprise_id: string;
}

/** A version of the construction guide's criteria for one kind of designation. */
export interface CriteriaVersionTable {
  id: string;
  kind: string;
  version: string;
  status: string;
  total_score: number;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CriteriaItemTable {
  version_id: string;
  position: number;
  group_code: string;
  group_title: string;
  code: string;
  text: string;
  max_score: number;
  guidance: string;
  auto_source: string | null;
}

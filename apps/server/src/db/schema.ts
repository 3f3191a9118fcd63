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

export interface DB {
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
}

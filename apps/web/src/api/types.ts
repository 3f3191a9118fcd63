/**
 * Hand-written types for the HTTP contract. Kept in one file so they can be swapped for the types
 * generated from the server's OpenAPI (src/api/schema.d.ts) without touching the modules.
 */
import type {
  EnterpriseSize,
  EnterpriseStatus,
  Honour,
  OrganizationKind,
  Permission,
  RegionKind,
  Role,
} from '@shangmi/shared';

export interface ProblemFieldError {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemFieldError[];
  requestId?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface OrganizationRef {
  id: string;
  name: string;
  kind: OrganizationKind;
}

export interface RegionRef {
  id: string;
  name: string;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  organization: OrganizationRef | null;
  region: RegionRef | null;
  enterpriseId: string | null;
}

export interface MeResponse extends Me {
  csrfToken: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  user: Me;
  csrfToken: string;
}

export interface ChangePasswordRequest {
  oldPassword: string;
  newPassword: string;
}

export interface RegionNode {
  id: string;
  code: string;
  name: string;
  kind: RegionKind;
  parentId: string | null;
  children: RegionNode[];
}

export interface Industry {
  code: string;
  name: string;
}

export interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  regionId: string;
  regionName: string;
  address: string;
  industry: string;
  industryName: string;
  size: EnterpriseSize;
  honours: Honour[];
  legalRepresentative: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  employees: number | null;
  status: EnterpriseStatus;
  archivedReason?: string | null;
  synthetic: boolean;
  createdAt: string;
  updatedAt: string;
}

export type EnterpriseSort = 'name' | '-name' | 'uscc' | '-uscc' | 'createdAt' | '-createdAt';

export interface EnterpriseFilters {
  q?: string;
  regionId?: string;
  industry?: string;
  honour?: Honour;
  status?: EnterpriseStatus;
  sort?: EnterpriseSort;
}

export interface EnterpriseQuery extends EnterpriseFilters {
  page: number;
  pageSize: number;
}

export interface EnterpriseInput {
  name: string;
  uscc: string;
  regionId: string;
  address: string;
  industry: string;
  size: EnterpriseSize;
  honours: Honour[];
  legalRepresentative?: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
  employees?: number | null;
}

export type EnterprisePatch = Partial<EnterpriseInput>;

export interface ReasonRequest {
  reason: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
  clientIp: string | null;
  changedFields: string[];
}

export interface AuditQuery {
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export type ImportJobStatus = 'validating' | 'validated' | 'importing' | 'done' | 'failed';

export interface ImportRowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  totalRows: number;
  processedRows: number;
  validRows: number;
  errorRows: number;
  importedRows: number;
  errors: ImportRowError[];
  message: string | null;
}

export interface ImportStarted {
  jobId: string;
}

export type OrganizationStatus = 'active' | 'archived';

export interface Organization {
  id: string;
  kind: OrganizationKind;
  name: string;
  regionId: string;
  regionName: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  status: OrganizationStatus;
  archivedReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationQuery {
  q?: string;
  kind?: OrganizationKind;
  regionId?: string;
  status?: OrganizationStatus;
  page: number;
  pageSize: number;
}

export interface OrganizationInput {
  kind: OrganizationKind;
  name: string;
  regionId: string;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string | null;
}

/** The kind is fixed once created; status changes go through archive/restore. */
export type OrganizationPatch = Partial<Omit<OrganizationInput, 'kind'>>;

export type UserStatus = 'active' | 'disabled';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organization: OrganizationRef | null;
  region: RegionRef | null;
  status: UserStatus;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface UserQuery {
  q?: string;
  role?: Role;
  organizationId?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  organizationId: string;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  status?: UserStatus;
}

export interface ResetPasswordRequest {
  password: string;
}

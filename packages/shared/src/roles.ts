import type { OrganizationKind } from './registry';

/** The roles of domain.md. A user holds one or more; the menu and every route follow from them. */
export const ROLES = [
  'city_admin',
  'county_admin',
  'dept_officer',
  'station_staff',
  'association_staff',
  'expert',
  'enterprise_admin',
  'enterprise_user',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  city_admin: { zh: '市级管理员（工作专班办公室）', en: 'City administrator' },
  county_admin: { zh: '县（市、区）管理员', en: 'County administrator' },
  dept_officer: { zh: '部门工作人员', en: 'Department officer' },
  station_staff: { zh: '服务站工作人员', en: 'Service station staff' },
  association_staff: { zh: '行业协会工作人员', en: 'Association staff' },
  expert: { zh: '智库专家', en: 'Expert' },
  enterprise_admin: { zh: '企业管理员', en: 'Enterprise administrator' },
  enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
};

/** Every permission a route may declare. Routes name exactly one of these, or are marked public. */
export const PERMISSIONS = [
  'region:read',
  'organization:read',
  'organization:write',
  'enterprise:read',
  'enterprise:write',
  'enterprise:import',
  'user:read',
  'user:write',
  'audit:read',
  'framework:read',
  'framework:write',
  'campaign:read',
  'campaign:write',
  'assessment:read',
  'assessment:write',
  'assessment:submit',
  'assessment:review',
  'certificate:read',
  'certificate:revoke',
  'conformance:analytics',
  'station:read',
  'station:write',
  'base:read',
  'base:write',
  'criteria:read',
  'criteria:write',
  // Designation workflow (applications → designations → annual review).
  'designation:read',
  'designation:apply',
  'designation:review',
  'designation:score',
  'designation:manage',
  // The programme: plan, allocation, progress, responsibility list, task force, evaluation.
  'programme:read',
  'programme:write',
  'workitem:read',
  'workitem:report',
  'evaluation:read',
  'evaluation:write',
  // The enterprise's own secrets: contents only ever to the enterprise's own people.
  'secret:read',
  'secret:write',
  'secret:manage',
  // Government's view of an enterprise's secret register: aggregates only, never contents.
  'secret:summary',
  // File attestation (存证) in the transparency log.
  'attestation:read',
  'attestation:write',
  'self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * What the city admin's "everything" leaves out: an enterprise's own secrets and attestations (their
 * contents are the enterprise's alone) and scoring as an expert (a reviewer's act, not an administrator's).
 */
export const NOT_CITY_ADMIN_PERMISSIONS: readonly Permission[] = [
  'secret:read',
  'secret:write',
  'secret:manage',
  'attestation:read',
  'attestation:write',
  'designation:score',
];

/**
 * Routes guarded by these (/api/enterprises/:id/…) answer 404 (as for a missing record) to anyone outside
 * the enterprise, with or without the permission: an enterprise's secrets must not even be confirmed to
 * exist to government roles or other enterprises. The enterprise's own people lacking it get the usual 403.
 */
export const CONCEALED_PERMISSIONS: readonly Permission[] = ['secret:read', 'secret:write', 'secret:manage'];

const ALL: readonly Permission[] = PERMISSIONS.filter((p) => !NOT_CITY_ADMIN_PERMISSIONS.includes(p));

/**
 * Coarse grants. The record-level scope (own region, own enterprise) is checked again by each
 * service's policy functions; this table only says which kinds of action a role can attempt.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  city_admin: ALL,
  county_admin: [
    'self',
    'region:read',
    'organization:read',
    'organization:write',
    'enterprise:read',
    'enterprise:write',
    'enterprise:import',
    'user:read',
    'user:write',
    'framework:read',
    'campaign:read',
    'campaign:write',
    'assessment:read',
    'assessment:review',
    'certificate:read',
    'certificate:revoke',
    'conformance:analytics',
    'station:read',
    'station:write',
    'base:read',
    'base:write',
    'criteria:read',
    'designation:read',
    'designation:apply',
    'designation:review',
    'programme:read',
    'workitem:read',
    'workitem:report',
    'evaluation:read',
    'secret:summary',
  ],
  dept_officer: [
    'self',
    'region:read',
    'organization:read',
    'enterprise:read',
    'framework:read',
    'campaign:read',
    'certificate:read',
    'conformance:analytics',
    'station:read',
    'base:read',
    'criteria:read',
    'designation:read',
    'programme:read',
    'workitem:read',
    'workitem:report',
    'secret:summary',
  ],
  station_staff: [
    'self',
    'region:read',
    'organization:read',
    'enterprise:read',
    'framework:read',
    'campaign:read',
    'assessment:read',
    'assessment:review',
    'certificate:read',
    'station:read',
    'station:write',
    'criteria:read',
    'designation:read',
    'designation:apply',
  ],
  association_staff: [
    'self',
    'region:read',
    'organization:read',
    'enterprise:read',
    'framework:read',
    'certificate:read',
    'conformance:analytics',
    'station:read',
    'base:read',
    'criteria:read',
    'designation:read',
    'designation:apply',
  ],
  expert: [
    'self',
    'region:read',
    'organization:read',
    'framework:read',
    'station:read',
    'base:read',
    'criteria:read',
    'designation:read',
    'designation:score',
  ],
  enterprise_admin: [
    'self',
    'region:read',
    'enterprise:read',
    'enterprise:write',
    'user:read',
    'user:write',
    'framework:read',
    'assessment:read',
    'assessment:write',
    'assessment:submit',
    'certificate:read',
    'station:read',
    'base:read',
    'criteria:read',
    'designation:read',
    'designation:apply',
    'secret:read',
    'secret:write',
    'secret:manage',
    'attestation:read',
    'attestation:write',
  ],
  enterprise_user: [
    'self',
    'region:read',
    'enterprise:read',
    'framework:read',
    'assessment:read',
    'assessment:write',
    'certificate:read',
    'station:read',
    'base:read',
    'criteria:read',
    'secret:read',
    'secret:write',
    'attestation:read',
    'attestation:write',
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) {
    for (const permission of ROLE_PERMISSIONS[role]) {
      granted.add(permission);
    }
  }
  return granted;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** Which roles a user-manager may hand out: nobody can grant more than their own reach. */
export const ASSIGNABLE_ROLES: Partial<Record<Role, readonly Role[]>> = {
  city_admin: ROLES,
  county_admin: ['county_admin', 'station_staff', 'enterprise_admin', 'enterprise_user'],
  enterprise_admin: ['enterprise_admin', 'enterprise_user'],
};

/** Which kinds of organisation each role's accounts belong to (a station's staff work at a station, …). */
export const ROLE_ORGANIZATION_KINDS: Record<Role, readonly OrganizationKind[]> = {
  city_admin: ['department'],
  county_admin: ['department'],
  dept_officer: ['department'],
  station_staff: ['service_station'],
  association_staff: ['association'],
  expert: ['service_provider', 'association', 'department'],
  enterprise_admin: ['enterprise'],
  enterprise_user: ['enterprise'],
};

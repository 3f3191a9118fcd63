import type { Actor } from '../../lib/context';
import type { ApplicationVisibility } from './designations.repo';

/** The city (the programme's office) runs expert review, decisions, notices, designation and annual review. */
export const canManageDesignations = (actor: Actor): boolean => actor.permissions.has('designation:manage');

/** Which applications an actor may see. */
export function applicationVisibility(actor: Actor): ApplicationVisibility {
  if (canManageDesignations(actor) || actor.roles.includes('dept_officer')) {
    return { kind: 'all' };
  }
  if (actor.roles.includes('county_admin')) {
    return { kind: 'region', path: actor.regionPath };
  }
  if (actor.roles.includes('expert')) {
    return { kind: 'expert', userId: actor.userId };
  }
  return { kind: 'organization', organizationId: actor.organizationId };
}

export interface ApplicationAccessRecord {
  regionPath: string;
  applicantOrganizationId: string;
  subjectId: string;
  expertIds: readonly string[];
}

export function canViewApplication(actor: Actor, record: ApplicationAccessRecord): boolean {
  const visibility = applicationVisibility(actor);
  switch (visibility.kind) {
    case 'all':
      return true;
    case 'region':
      return record.regionPath.startsWith(visibility.path);
    case 'expert':
      return record.expertIds.includes(actor.userId);
    case 'organization':
      return record.applicantOrganizationId === actor.organizationId || record.subjectId === actor.organizationId;
  }
}

/** The applicant edits materials, submits and withdraws. */
export const isApplicant = (actor: Actor, record: { applicantOrganizationId: string }): boolean =>
  actor.permissions.has('designation:apply') && record.applicantOrganizationId === actor.organizationId;

/** County review (初审): the county admin of the subject's county, or the city. */
export const canCountyReview = (actor: Actor, record: { regionPath: string }): boolean =>
  actor.permissions.has('designation:review') &&
  (canManageDesignations(actor) || record.regionPath.startsWith(actor.regionPath));

/** Sees every expert's scores: the city once every score is in; an assigned expert once all are in. */
export const isAssignedExpert = (actor: Actor, record: { expertIds: readonly string[] }): boolean =>
  actor.permissions.has('designation:score') && record.expertIds.includes(actor.userId);

/** Who sees the panel (names and per-expert scores): the city, the county, dept officers, the experts. */
export const canSeePanel = (actor: Actor): boolean =>
  canManageDesignations(actor) ||
  actor.roles.includes('county_admin') ||
  actor.roles.includes('dept_officer') ||
  actor.roles.includes('expert');

/** Designations: everyone with designation:read sees those of their reach; region-bound roles their region. */
export function designationRegionScope(actor: Actor): string | undefined {
  if (actor.roles.includes('county_admin') || actor.roles.includes('station_staff')) {
    return actor.regionPath;
  }
  return undefined;
}

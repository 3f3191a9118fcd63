import type { Actor } from '../../lib/context';
import { enterpriseScope, inScope } from '../../plugins/authz';

export interface AssessmentRecord {
  enterpriseId: string;
  /** The enterprise's current region path. */
  regionPath: string;
}

/** Its enterprise's people, reviewers of its region, and city-wide roles with assessment:read. */
export function canViewAssessment(actor: Actor, record: AssessmentRecord): boolean {
  return inScope(enterpriseScope(actor), { regionPath: record.regionPath, enterpriseId: record.enterpriseId });
}

/** Only the enterprise's own people fill in its self-assessment (government never answers for it). */
export function canEditAssessment(actor: Actor, record: AssessmentRecord): boolean {
  return (
    actor.enterpriseId === record.enterpriseId &&
    (actor.roles.includes('enterprise_admin') || actor.roles.includes('enterprise_user'))
  );
}

/** Submitting commits the enterprise: its administrator does it. */
export function canSubmitAssessment(actor: Actor, record: AssessmentRecord): boolean {
  return actor.enterpriseId === record.enterpriseId && actor.roles.includes('enterprise_admin');
}

/** Station staff and county admins whose region contains the enterprise review it. */
export function canReviewAssessment(actor: Actor, record: AssessmentRecord): boolean {
  return (
    (actor.roles.includes('station_staff') || actor.roles.includes('county_admin')) &&
    record.regionPath.startsWith(actor.regionPath)
  );
}

export const EDITABLE_STATUSES = ['not_started', 'in_progress', 'returned'] as const;

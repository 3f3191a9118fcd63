import type { Actor } from '../../lib/context';

/** The construction guide is the city's: only the city admin (criteria:write) drafts and publishes versions. */
export function canEditCriteria(actor: Actor): boolean {
  return actor.permissions.has('criteria:write');
}

/** Everyone who reads the guide sees published versions; drafts only those who may edit them. */
export function canViewCriteriaVersion(actor: Actor, version: { status: string }): boolean {
  return version.status === 'published' || canEditCriteria(actor);
}

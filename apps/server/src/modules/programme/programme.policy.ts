import type { Actor } from '../../lib/context';

/**
 * Who sees what of a programme. The city admin (the task force office) sees every programme of the
 * deployment; everyone else sees the programmes whose region contains their own organisation's.
 */
export function canViewProgramme(actor: Actor, programmeRegionPath: string): boolean {
  return actor.roles.includes('city_admin') || actor.regionPath.startsWith(programmeRegionPath);
}

/**
 * The allocation unit a county admin is held to: the unit whose path contains theirs. `null` means the
 * actor sees the whole programme (city admin, departments).
 */
export function ownUnitPath(actor: Actor): string | null {
  if (actor.roles.includes('city_admin') || actor.roles.includes('dept_officer')) {
    return null;
  }
  return actor.roles.includes('county_admin') ? actor.regionPath : null;
}

/**
 * Whose work items an actor sees: the office all of them; a county admin those owned in their region or
 * co-operated on by their government; a department officer only their own unit's (owned or co-operated).
 */
export type WorkItemScope =
  | { kind: 'all' }
  | { kind: 'region'; path: string; organizationId: string }
  | { kind: 'organization'; organizationId: string };

export function workItemScope(actor: Actor): WorkItemScope {
  if (actor.roles.includes('city_admin')) {
    return { kind: 'all' };
  }
  if (actor.roles.includes('county_admin')) {
    return { kind: 'region', path: actor.regionPath, organizationId: actor.organizationId };
  }
  return { kind: 'organization', organizationId: actor.organizationId };
}

export function canViewWorkItem(
  actor: Actor,
  item: { ownerOrganizationId: string; ownerRegionPath: string; partnerIds: string[] },
): boolean {
  const scope = workItemScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return item.ownerRegionPath.startsWith(scope.path) || item.partnerIds.includes(scope.organizationId);
    case 'organization':
      return item.ownerOrganizationId === scope.organizationId || item.partnerIds.includes(scope.organizationId);
  }
}

/** Progress reports come from the owning unit only (its officers or, for a county government, its admins). */
export function canReportOnWorkItem(actor: Actor, item: { ownerOrganizationId: string }): boolean {
  return (
    actor.permissions.has('workitem:report') &&
    actor.organizationId === item.ownerOrganizationId &&
    (actor.roles.includes('dept_officer') || actor.roles.includes('county_admin') || actor.roles.includes('city_admin'))
  );
}

/** Evaluation results: the office sees every region; a county admin their own region's row only. */
export function evaluationRegionPath(actor: Actor): string | null {
  return actor.roles.includes('city_admin') ? null : actor.regionPath;
}

import type { Actor } from '../../lib/context';
import { enterpriseScope } from '../../plugins/authz';
import { canManageInRegion } from '../enterprises/index';

/**
 * The region subtree an actor reads places in: county admins and station staff their own region,
 * everyone else with station:read (or base:read) the whole city. `null` = city-wide.
 */
export function placeScopePath(actor: Actor): string | null {
  const scope = enterpriseScope(actor);
  return scope.kind === 'region' ? scope.path : null;
}

export function canViewPlace(actor: Actor, regionPath: string): boolean {
  const scope = placeScopePath(actor);
  return scope === null || regionPath.startsWith(scope);
}

/** City admins anywhere; county admins inside their region (as for enterprises). */
export function canManagePlaceInRegion(actor: Actor, regionPath: string): boolean {
  return canManageInRegion(actor, regionPath);
}

/** A station's own staff keep its day-to-day details current; the rest stays with government. */
export function canEditOwnStation(actor: Actor, stationId: string): boolean {
  return (
    actor.roles.includes('station_staff') &&
    actor.permissions.has('station:write') &&
    actor.organizationId === stationId
  );
}

export const OWN_STATION_EDITABLE = ['openingHours', 'services', 'staff', 'contactName', 'contactPhone'] as const;

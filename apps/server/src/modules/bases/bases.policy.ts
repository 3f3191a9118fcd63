import type { Actor } from '../../lib/context';
import { enterpriseScope, inScope } from '../../plugins/authz';
import { canManagePlaceInRegion, canViewPlace } from '../stations/index';

/** Bases are read city-wide, except by county admins (own region subtree), like stations. */
export const canViewBase = (actor: Actor, regionPath: string): boolean => canViewPlace(actor, regionPath);

/** City admins anywhere; county admins inside their region. */
export const canManageBase = (actor: Actor, regionPath: string): boolean => canManagePlaceInRegion(actor, regionPath);

/** A base may list only enterprises the actor can see in the registry. */
export function canCoverEnterprise(actor: Actor, enterprise: { id: string; regionPath: string }): boolean {
  return inScope(enterpriseScope(actor), { regionPath: enterprise.regionPath, enterpriseId: enterprise.id });
}

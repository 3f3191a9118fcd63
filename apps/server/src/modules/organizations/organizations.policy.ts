import type { Actor } from '../../lib/context';
import { enterpriseScope } from '../../plugins/authz';
import { canManageInRegion } from '../enterprises/index';

/**
 * Which organisations an actor may see. `regionPath: null` means the whole deployment.
 * Enterprise-kind organisations are hidden from roles without `enterprise:read` (experts), so the
 * organisation list is not a back door into the enterprise registry.
 */
export type OrganizationScope =
  { kind: 'none' } | { kind: 'some'; regionPath: string | null; includeEnterprises: boolean };

export interface OrganizationRecord {
  kind: string;
  regionPath: string;
}

/** Pure: the actor's reach over organisations, derived from the same roles as the enterprise scope. */
export function organizationScope(actor: Actor): OrganizationScope {
  if (!actor.permissions.has('organization:read')) {
    return { kind: 'none' };
  }
  const includeEnterprises = actor.permissions.has('enterprise:read');
  const scope = enterpriseScope(actor);
  switch (scope.kind) {
    case 'all':
      return { kind: 'some', regionPath: null, includeEnterprises };
    case 'region':
      return { kind: 'some', regionPath: scope.path, includeEnterprises };
    case 'enterprise':
      // Enterprise roles hold no organization:read today; if one ever does, it sees nothing here.
      return { kind: 'none' };
    case 'none':
      // City-wide roles outside the enterprise scope table (the think tank's experts) see the directory.
      return { kind: 'some', regionPath: null, includeEnterprises };
  }
}

export function canViewOrganization(actor: Actor, record: OrganizationRecord): boolean {
  const scope = organizationScope(actor);
  if (scope.kind === 'none') {
    return false;
  }
  if (record.kind === 'enterprise' && !scope.includeEnterprises) {
    return false;
  }
  return scope.regionPath === null || record.regionPath.startsWith(scope.regionPath);
}

/** City admins anywhere; county admins inside their region (the same rule as for enterprises). */
export function canManageOrganization(actor: Actor, regionPath: string): boolean {
  return canManageInRegion(actor, regionPath);
}

/** Enterprise-kind organisation rows belong to the enterprise registry and change only through it. */
export const isEnterpriseKind = (kind: string): boolean => kind === 'enterprise';
export const isStationKind = (kind: string): boolean => kind === 'service_station';

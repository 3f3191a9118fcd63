import { ASSIGNABLE_ROLES, ROLE_LABELS, type Role } from '@shangmi/shared';
import type { Actor } from '../../lib/context';

/** Which accounts an actor may see and manage. */
export type UserScope =
  | { kind: 'all' }
  | { kind: 'region'; path: string }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'none' };

export const ENTERPRISE_ROLES: readonly Role[] = ['enterprise_admin', 'enterprise_user'];
/** Roles that manage other accounts; nobody may take such a role away from themselves. */
export const ADMIN_ROLES: readonly Role[] = ['city_admin', 'county_admin', 'enterprise_admin'];

/** City admins: everyone; county admins: accounts of organisations in their region; enterprise admins: their enterprise. */
export function userScope(actor: Actor): UserScope {
  if (actor.roles.includes('city_admin')) {
    return { kind: 'all' };
  }
  if (actor.roles.includes('county_admin')) {
    return { kind: 'region', path: actor.regionPath };
  }
  if (actor.roles.includes('enterprise_admin') && actor.enterpriseId) {
    return { kind: 'organization', organizationId: actor.enterpriseId };
  }
  return { kind: 'none' };
}

/** Whether an organisation (and so the accounts in it) lies within the actor's reach. */
export function organizationInUserScope(actor: Actor, organization: { id: string; regionPath: string }): boolean {
  const scope = userScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return organization.regionPath.startsWith(scope.path);
    case 'organization':
      return organization.id === scope.organizationId;
    case 'none':
      return false;
  }
}

/** The roles an actor may hand out: the union over their own roles. */
export function assignableRoles(actor: Actor): Set<Role> {
  return new Set(actor.roles.flatMap((role) => ASSIGNABLE_ROLES[role] ?? []));
}

/** The roles in `roles` that the actor may not grant (or take away). */
export function ungrantableRoles(actor: Actor, roles: readonly string[]): string[] {
  const allowed = assignableRoles(actor);
  return roles.filter((role) => !(allowed as ReadonlySet<string>).has(role));
}

export const roleLabel = (role: string): string => ROLE_LABELS[role as Role]?.zh ?? role;

/**
 * Enterprise roles belong to enterprise-kind organisations only, and government or service roles never
 * to an enterprise. Returns a Chinese reason, or null when the combination is sound.
 */
export function roleKindProblem(roles: readonly string[], organizationKind: string): string | null {
  const enterpriseRoles = roles.filter((r) => (ENTERPRISE_ROLES as readonly string[]).includes(r));
  const otherRoles = roles.filter((r) => !(ENTERPRISE_ROLES as readonly string[]).includes(r));
  if (organizationKind === 'enterprise' && otherRoles.length > 0) {
    return `企业的账号只能授予企业角色，不能授予：${otherRoles.map(roleLabel).join('、')}`;
  }
  if (organizationKind !== 'enterprise' && enterpriseRoles.length > 0) {
    return `企业角色（${enterpriseRoles.map(roleLabel).join('、')}）只能授予企业的账号`;
  }
  return null;
}

/** The admin roles an actor would lose by setting their own roles to `next`. */
export function droppedOwnAdminRoles(actor: Actor, next: readonly string[]): Role[] {
  return actor.roles.filter((role) => ADMIN_ROLES.includes(role) && !next.includes(role));
}

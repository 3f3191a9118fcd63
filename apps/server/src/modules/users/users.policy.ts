import {
  ASSIGNABLE_ROLES,
  ORGANIZATION_KIND_LABELS,
  ROLE_LABELS,
  ROLE_ORGANIZATION_KINDS,
  type Role,
} from '@shangmi/shared';
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
 * Each role belongs to its kinds of organisation (ROLE_ORGANIZATION_KINDS): enterprise roles to
 * enterprises only, station staff to stations, … Returns a Chinese reason, or null when sound.
 */
export function roleKindProblem(roles: readonly string[], organizationKind: string): string | null {
  const misplaced = roles.filter(
    (r) => !(ROLE_ORGANIZATION_KINDS[r as Role] as readonly string[] | undefined)?.includes(organizationKind),
  );
  if (misplaced.length === 0) {
    return null;
  }
  if (organizationKind === 'enterprise') {
    return `企业的账号只能授予企业角色，不能授予：${misplaced.map(roleLabel).join('、')}`;
  }
  const kinds = (role: string) =>
    (ROLE_ORGANIZATION_KINDS[role as Role] ?? []).map((k) => ORGANIZATION_KIND_LABELS[k]).join('或');
  return misplaced.map((r) => `角色「${roleLabel(r)}」只能授予${kinds(r)}的账号`).join('；');
}

/** The admin roles an actor would lose by setting their own roles to `next`. */
export function droppedOwnAdminRoles(actor: Actor, next: readonly string[]): Role[] {
  return actor.roles.filter((role) => ADMIN_ROLES.includes(role) && !next.includes(role));
}

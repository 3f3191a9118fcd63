import type { OrganizationKind, Permission, Role } from '@shangmi/shared';

/** Who is acting, resolved once per request from the session. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: ReadonlySet<Permission>;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  regionId: string;
  regionName: string;
  /** The materialised path of the actor's organisation's region; region scope is a prefix match on it. */
  regionPath: string;
  /** Set when the actor's organisation is an enterprise. */
  enterpriseId: string | null;
}

/** What every service call receives besides its input: the actor and the request's trace for the audit chain. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  clientIp: string;
}

/** The context of a command-line action (seeding, `shangmi admin create`): no session, still audited. */
export function systemContext(
  actor: Actor | null,
  label = 'cli',
): { actor: Actor | null; requestId: string; clientIp: string } {
  return { actor, requestId: label, clientIp: 'local' };
}

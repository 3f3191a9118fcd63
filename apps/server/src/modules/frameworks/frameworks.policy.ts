import type { Actor } from '../../lib/context';

/** Who edits, publishes and imports frameworks: holders of framework:write (the city admin). */
export function canManageFrameworks(actor: Actor): boolean {
  return actor.permissions.has('framework:write');
}

/** Drafts are work in progress: only those who manage frameworks see them; everyone else sees what is published. */
export function canViewVersion(actor: Actor, version: { status: string }): boolean {
  return version.status !== 'draft' || canManageFrameworks(actor);
}

import type { Actor } from '../../lib/context';

/**
 * Attestations belong to their enterprise alone: only its own people see or make them. Government
 * roles (the city admin included) have no attestation permission; the public log shows only entries,
 * whose enterprise is a salted commitment.
 */
export function canViewAttestation(actor: Actor, record: { enterpriseId: string }): boolean {
  return actor.enterpriseId !== null && actor.enterpriseId === record.enterpriseId;
}

export function canAttest(actor: Actor): actor is Actor & { enterpriseId: string } {
  return (
    actor.enterpriseId !== null && (actor.roles.includes('enterprise_admin') || actor.roles.includes('enterprise_user'))
  );
}

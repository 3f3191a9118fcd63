import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

/**
 * Whether `secretPointId` is a secret point of `enterpriseId` (any status). For other modules (the
 * attestation engineer validates `secretPointId` with it); reveals nothing but existence to a caller
 * that already holds both ids.
 */
export async function secretPointExists(db: Kysely<DB>, enterpriseId: string, secretPointId: string): Promise<boolean> {
  const row = await db
    .selectFrom('secret_points')
    .select('id')
    .where('id', '=', secretPointId)
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  return row !== undefined;
}

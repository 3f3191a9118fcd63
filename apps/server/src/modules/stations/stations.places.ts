import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { nowIso } from '../../lib/ids';
import { writeAudit } from '../audit/index';
import { findRegion } from '../regions/index';
import { placeScopePath } from './stations.policy';

/**
 * The region paths a place list is limited to: the actor's scope, plus the asked-for region.
 * `null` means the asked-for region does not exist, so the list is empty.
 */
export async function placeListRegionPaths(
  db: Kysely<DB>,
  ctx: RequestContext,
  regionId: string | undefined,
): Promise<string[] | null> {
  const scope = placeScopePath(ctx.actor);
  const paths = scope === null ? [] : [scope];
  if (regionId) {
    const region = await findRegion(db, regionId);
    if (!region) {
      return null;
    }
    paths.push(region.path);
  }
  return paths;
}

/** The columns an archive or restore writes, the same for every place table. */
export interface PlaceArchiveValues {
  status: 'archived' | 'active';
  archived_reason: string | null;
  updated_at: string;
}

export interface PlaceArchiveChange {
  entityType: string;
  entityId: string;
  currentStatus: string;
  archived: boolean;
  reason: string;
  /** The 409 raised when the place is already in the asked-for state. */
  conflict: { code: string; alreadyArchived: string; notArchived: string };
  /** Writes the values to the place's rows inside the transaction. */
  write: (trx: Kysely<DB>, values: PlaceArchiveValues) => Promise<void>;
}

/** Archives or restores a place (stations, bases) and writes its audit record in the same transaction. */
export async function setPlaceArchived(db: Kysely<DB>, ctx: RequestContext, change: PlaceArchiveChange) {
  const target = change.archived ? 'archived' : 'active';
  if (change.currentStatus === target) {
    throw new AppError(
      change.conflict.code,
      409,
      change.archived ? change.conflict.alreadyArchived : change.conflict.notArchived,
    );
  }
  const values: PlaceArchiveValues = {
    status: target,
    archived_reason: change.archived ? change.reason : null,
    updated_at: nowIso(),
  };
  await db.transaction().execute(async (trx) => {
    await change.write(trx, values);
    await writeAudit(trx, ctx, {
      action: change.archived ? 'archive' : 'restore',
      entityType: change.entityType,
      entityId: change.entityId,
      changedFields: ['status', 'archivedReason'],
    });
  });
}

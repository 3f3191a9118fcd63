import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { AuditLogTable, DB } from '../../db/schema';

const COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_username',
  'action',
  'entity_type',
  'entity_id',
  'request_id',
  'client_ip',
  'changed_fields',
  'prev_hash',
  'hash',
] as const;

/** Reads the chain head; on PostgreSQL the row is locked until the transaction ends. */
export async function lockHead(db: Kysely<DB>) {
  const query = db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  // SQLite has no FOR UPDATE; its single writer already serialises transactions.
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const row = await (isPostgres ? query.forUpdate() : query).executeTakeFirst();
  if (!row) {
    throw new Error('audit_head row missing: migrations not applied');
  }
  return row;
}

export async function appendRecord(db: Kysely<DB>, row: AuditLogTable) {
  await db.insertInto('audit_log').values(row).execute();
  await db.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
}

export interface AuditFilter {
  actor?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

function filtered(db: Kysely<DB>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.actor) {
    query = query.where('actor_username', '=', filter.actor);
  }
  if (filter.entityType) {
    query = query.where('entity_type', '=', filter.entityType);
  }
  if (filter.entityId) {
    query = query.where('entity_id', '=', filter.entityId);
  }
  if (filter.from) {
    query = query.where('at', '>=', filter.from);
  }
  if (filter.to) {
    query = query.where('at', '<=', filter.to);
  }
  return query;
}

export async function listRecords(db: Kysely<DB>, filter: AuditFilter, limit: number, offset: number) {
  const [rows, count] = await Promise.all([
    filtered(db, filter).select(COLUMNS).orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, filter)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The chain in order, a page at a time, for verification. */
export async function recordsAfter(db: Kysely<DB>, afterSeq: number, limit: number) {
  return db.selectFrom('audit_log').select(COLUMNS).where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export async function readHead(db: Kysely<DB>) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

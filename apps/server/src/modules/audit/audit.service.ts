import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../lib/context';
import { chainHash, GENESIS_HASH, type AuditContent } from './audit.chain';
import * as repo from './audit.repo';

export interface AuditWrite {
  action: string;
  entityType: string;
  entityId: string;
  /** Names of changed fields only: never values (secret contents must not reach the log). */
  changedFields?: string[];
}

export interface AuditTrace {
  actor: Pick<Actor, 'userId' | 'username'> | null;
  requestId: string;
  clientIp: string;
}

/**
 * Appends one record to the audit chain inside the caller's transaction, so the change and its
 * record commit together or not at all. The head row is locked on PostgreSQL; SQLite serialises writers.
 */
export async function writeAudit(trx: Kysely<DB>, trace: AuditTrace, entry: AuditWrite): Promise<void> {
  const head = await repo.lockHead(trx);
  const content: AuditContent = {
    seq: Number(head.seq) + 1,
    at: new Date().toISOString(),
    actorId: trace.actor?.userId ?? null,
    actorUsername: trace.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    requestId: trace.requestId,
    clientIp: trace.clientIp,
    changedFields: [...(entry.changedFields ?? [])].sort(),
  };
  const hash = chainHash(head.hash, content);
  await repo.appendRecord(trx, {
    seq: content.seq,
    at: content.at,
    actor_id: content.actorId,
    actor_username: content.actorUsername,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    request_id: content.requestId,
    client_ip: content.clientIp,
    changed_fields: JSON.stringify(content.changedFields),
    prev_hash: head.hash,
    hash,
  });
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
  clientIp: string | null;
  changedFields: string[];
}

function present(row: Awaited<ReturnType<typeof repo.listRecords>>['rows'][number]): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorUsername: row.actor_username,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    requestId: row.request_id,
    clientIp: row.client_ip,
    changedFields: JSON.parse(row.changed_fields) as string[],
  };
}

/** A page of the log, newest first. The route's permission (audit:read) is the whole policy. */
export async function listAudit(db: Kysely<DB>, filter: repo.AuditFilter, page: number, pageSize: number) {
  const { rows, total } = await repo.listRecords(db, filter, pageSize, (page - 1) * pageSize);
  return { items: rows.map(present), total, page, pageSize };
}

/** History of one entity, oldest first (for detail pages whose own policy already admitted the reader). */
export async function entityHistory(db: Kysely<DB>, entityType: string, entityId: string) {
  const { rows } = await repo.listRecords(db, { entityType, entityId }, 500, 0);
  return rows.map(present).reverse();
}

export type VerifyResult =
  { ok: true; records: number; headSeq: number } | { ok: false; records: number; brokenSeq: number; reason: string };

/** Walks the whole chain, recomputing every hash; names the first record that does not hold. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const batch = await repo.recordsAfter(db, expectedSeq - 1, 1000);
    if (batch.length === 0) {
      break;
    }
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, records, brokenSeq: expectedSeq, reason: `记录 #${expectedSeq} 缺失` };
      }
      if (row.prev_hash !== prevHash) {
        return { ok: false, records, brokenSeq: seq, reason: `记录 #${seq} 的前序哈希与上一条记录不符` };
      }
      let changedFields: string[];
      try {
        changedFields = JSON.parse(row.changed_fields) as string[];
      } catch {
        return { ok: false, records, brokenSeq: seq, reason: `记录 #${seq} 的字段列表无法解析` };
      }
      const hash = chainHash(prevHash, {
        seq,
        at: row.at,
        actorId: row.actor_id,
        actorUsername: row.actor_username,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        requestId: row.request_id,
        clientIp: row.client_ip,
        changedFields,
      });
      if (hash !== row.hash) {
        return { ok: false, records, brokenSeq: seq, reason: `记录 #${seq} 的内容与其哈希不符（被修改过）` };
      }
      prevHash = hash;
      expectedSeq += 1;
      records += 1;
    }
  }
  const head = await repo.readHead(db);
  if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return {
      ok: false,
      records,
      brokenSeq: expectedSeq,
      reason: `链头（#${head.seq}）与最后一条记录不符，可能有记录被删除`,
    };
  }
  return { ok: true, records, headSeq: expectedSeq - 1 };
}

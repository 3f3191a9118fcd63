import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { AttestationTable, LogCheckpointTable, LogEntryTable, LogNodeTable } from '../../db/schema-log';

/** The log's storage. Writes come in chunks so that each SQLite call stays short. */

/** Rows per statement: ~1–3 ms each on SQLite, far below the bound-parameter limits of both dialects. */
const CHUNK = 500;

async function insertChunked<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  chunk = CHUNK,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await insert(rows.slice(i, i + chunk));
  }
}

export async function treeSize(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('log_state').select('tree_size').where('id', '=', 1).executeTakeFirst();
  return row ? Number(row.tree_size) : 0;
}

/** Creates the state row when missing (first start); harmless when present. */
export async function ensureState(db: Kysely<DB>, at: string): Promise<void> {
  const row = await db.selectFrom('log_state').select('id').where('id', '=', 1).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('log_state')
      .values({ id: 1, tree_size: 0, updated_at: at })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

/** Compare-and-set of the integrated size: false when another writer moved it (the batch must not commit). */
export async function advanceState(trx: Transaction<DB>, from: number, to: number, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('log_state')
    .set({ tree_size: to, updated_at: at })
    .where('id', '=', 1)
    .where('tree_size', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Node hashes (hex) by key; missing keys are absent from the map. */
export async function nodesByKey(db: Kysely<DB>, keys: readonly number[]): Promise<Map<number, string>> {
  const map = new Map<number, string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('log_nodes')
      .select(['node_key', 'hash'])
      .where('node_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      map.set(Number(row.node_key), row.hash);
    }
  }
  return map;
}

/** Entries by leaf index (any order; missing indexes are absent). */
export async function entriesByIndex(db: Kysely<DB>, indexes: readonly number[]) {
  const rows: { leaf_index: number; entry: string }[] = [];
  for (let i = 0; i < indexes.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('log_entries')
        .select(['leaf_index', 'entry'])
        .where('leaf_index', 'in', indexes.slice(i, i + 500))
        .execute()),
    );
  }
  return rows;
}

export async function insertEntries(trx: Transaction<DB>, rows: readonly LogEntryTable[]): Promise<void> {
  await insertChunked(rows, (chunk) => trx.insertInto('log_entries').values(chunk).execute(), 1000);
}

export async function insertNodes(trx: Transaction<DB>, rows: readonly LogNodeTable[]): Promise<void> {
  await insertChunked(rows, (chunk) => trx.insertInto('log_nodes').values(chunk).execute(), 1000);
}

export async function insertAttestations(trx: Transaction<DB>, rows: readonly AttestationTable[]): Promise<void> {
  await insertChunked(rows, (chunk) => trx.insertInto('attestations').values(chunk).execute());
}

export async function insertCheckpoint(trx: Transaction<DB>, row: LogCheckpointTable): Promise<void> {
  await trx.insertInto('log_checkpoints').values(row).execute();
}

export async function insertRequestKeys(
  trx: Transaction<DB>,
  rows: { enterprise_id: string; request_key: string; created_at: string }[],
): Promise<void> {
  await insertChunked(rows, (chunk) => trx.insertInto('attestation_requests').values(chunk).execute());
}

/** Which of these (enterprise, key) pairs were already used. */
export async function usedRequestKeys(
  db: Kysely<DB>,
  pairs: readonly { enterpriseId: string; key: string }[],
): Promise<Set<string>> {
  const used = new Set<string>();
  if (pairs.length === 0) {
    return used;
  }
  const keys = [...new Set(pairs.map((p) => p.key))];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('attestation_requests')
      .select(['enterprise_id', 'request_key'])
      .where('request_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      used.add(`${row.enterprise_id} ${row.request_key}`);
    }
  }
  return used;
}

export async function latestCheckpoint(db: Kysely<DB>) {
  return db
    .selectFrom('log_checkpoints')
    .select(['tree_size', 'root_hash', 'note', 'created_at'])
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function checkpointAt(db: Kysely<DB>, size: number) {
  return db
    .selectFrom('log_checkpoints')
    .select(['tree_size', 'root_hash', 'note', 'created_at'])
    .where('tree_size', '=', size)
    .executeTakeFirst();
}

/** Checkpoints in ascending size, a page at a time (log verify). */
export async function checkpointsAfter(db: Kysely<DB>, afterSize: number, limit: number) {
  return db
    .selectFrom('log_checkpoints')
    .select(['tree_size', 'root_hash', 'note', 'created_at'])
    .where('tree_size', '>', afterSize)
    .orderBy('tree_size', 'asc')
    .limit(limit)
    .execute();
}

export async function entriesBetween(db: Kysely<DB>, start: number, end: number) {
  return db
    .selectFrom('log_entries')
    .select(['leaf_index', 'entry'])
    .where('leaf_index', '>=', start)
    .where('leaf_index', '<', end)
    .orderBy('leaf_index', 'asc')
    .execute();
}

/** Stored node hashes with keys in [from, to), ascending (log verify compares them with its own). */
export async function nodesBetween(db: Kysely<DB>, from: number, to: number, limit: number) {
  return db
    .selectFrom('log_nodes')
    .select(['node_key', 'hash'])
    .where('node_key', '>=', from)
    .where('node_key', '<', to)
    .orderBy('node_key', 'asc')
    .limit(limit)
    .execute();
}

export async function countNodes(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('log_nodes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import {
  CompactRange,
  consistencyProofRanges,
  encodeEntry,
  enterpriseCommitment,
  frontierNodes,
  fromBase64,
  inclusionProofRanges,
  leafHash,
  nodeKey,
  rangeHash,
  rangeNodes,
  toHex,
  type LeafRange,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AttestationTable, LogNodeTable } from '../../db/schema-log';
import type { RequestContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { writeAudit } from '../audit/index';
import { signCheckpoint, type LogSigner } from './checkpoint';
import * as repo from './log.repo';
import { sha256 } from './merkle';

// Node's Buffer codecs: several times faster than the portable ones in @shangmi/shared on this hot path.
const hexBytes = (hex: string): Uint8Array => Buffer.from(hex, 'hex');
const bytesHex = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const bytesBase64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** One attestation waiting to be sequenced (ids, salt and time of the request made by the caller). */
export interface PendingAttestation {
  id: string;
  enterpriseId: string;
  sha256: string;
  label: string | null;
  secretPointId: string | null;
  createdBy: string;
  createdAt: string;
  /** Hex salt of the enterprise commitment. */
  salt: string;
  /** The enterprise's USCC, committed to in the entry. */
  subject: string;
}

export interface AttestationRequest {
  ctx: RequestContext;
  enterpriseId: string;
  items: PendingAttestation[];
  /** The client's Idempotency-Key; reused by the same enterprise → replayed (409). */
  requestKey: string | null;
}

export interface IntegratedAttestation {
  row: AttestationTable;
  entry: Uint8Array;
  inclusionProof: Uint8Array[];
}

export interface Integrated {
  treeSize: number;
  checkpoint: string;
  items: IntegratedAttestation[];
}

interface Queued {
  request: AttestationRequest;
  resolve: (value: Integrated) => void;
  reject: (error: unknown) => void;
}

export interface LogLogger {
  info: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
}

/** Most entries one batch integrates (one transaction, one checkpoint). */
const MAX_BATCH_ENTRIES = 5000;
/** Entries waiting beyond this are refused with 503 rather than queued without bound. */
const MAX_QUEUED_ENTRIES = 100_000;

export const replayedError = (): AppError =>
  new AppError(
    'attestation_replayed',
    409,
    '重复提交：该请求的 Idempotency-Key 已被本企业使用过，请求未被再次记录（如需再次存证，请使用新的请求标识）',
  );

/**
 * The transparency log: sequencing and integration in batches. Requests queue in memory; one batch at a
 * time is integrated in a single transaction (entries, node hashes, the enterprise's attestation rows,
 * the signed checkpoint, audit records), and only after that commit are the callers answered — so an
 * acknowledged entry is durable, and a request in flight when the process dies was never acknowledged.
 * While a batch commits, the next requests gather, so batches grow with load.
 */
export class TransparencyLog {
  private range: CompactRange | null = null;
  private lastTimestamp = 0;
  private queue: Queued[] = [];
  private queuedEntries = 0;
  private draining: Promise<void> | null = null;
  private initializing: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Kysely<DB>,
    readonly signer: LogSigner,
    readonly origin: string,
    private readonly logger: LogLogger,
  ) {}

  /** Loads the right edge of the tree (O(log n) node reads); signs the empty tree's checkpoint on first start. */
  init(): Promise<void> {
    this.initializing ??= this.load().catch((error: unknown) => {
      this.initializing = null;
      throw error;
    });
    return this.initializing;
  }

  private async load(): Promise<void> {
    const at = new Date().toISOString();
    await repo.ensureState(this.db, at);
    const size = await repo.treeSize(this.db);
    const frontier = frontierNodes(size);
    const stored = await this.storedNodes(frontier.map(nodeKey));
    const hashes = frontier.map((node) => {
      const hash = stored.get(nodeKey(node));
      if (!hash) {
        throw new Error(`transparency log: node ${node.level}/${node.index} of tree size ${size} is missing`);
      }
      return hash;
    });
    const range = new CompactRange(sha256, size, hashes);
    const latest = await repo.latestCheckpoint(this.db);
    if (latest && Number(latest.tree_size) === size && latest.root_hash !== toHex(range.root())) {
      throw new Error('transparency log: stored nodes do not match the latest checkpoint (run `shangmi log verify`)');
    }
    if (size > 0) {
      const [last] = await repo.entriesBetween(this.db, size - 1, size);
      if (last) {
        const bytes = fromBase64(last.entry);
        let t = 0;
        for (let i = 33; i <= 40; i++) {
          t = t * 256 + bytes[i]!;
        }
        this.lastTimestamp = t;
      }
    }
    if (!latest) {
      const note = signCheckpoint(this.signer, {
        origin: this.origin,
        size: 0,
        rootHash: range.root(),
        extensions: [],
      });
      try {
        await this.db
          .transaction()
          .execute((trx) =>
            repo.insertCheckpoint(trx, { tree_size: 0, root_hash: toHex(range.root()), note, created_at: at }),
          );
      } catch (error) {
        // Another process signed it first: theirs stands.
        if (!(await repo.checkpointAt(this.db, 0))) {
          throw error;
        }
      }
    }
    this.range = range;
  }

  /** Queues a request and answers once its entries are in a signed checkpoint. */
  async submit(request: AttestationRequest): Promise<Integrated> {
    if (this.closed) {
      throw new AppError('log_closing', 503, '服务正在停止，存证未被记录，请稍后重试');
    }
    if (this.queuedEntries + request.items.length > MAX_QUEUED_ENTRIES) {
      throw new AppError('log_busy', 503, '存证队列已满，请稍后重试');
    }
    await this.init();
    const promise = new Promise<Integrated>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
    });
    this.queuedEntries += request.items.length;
    // setImmediate: requests that arrive in the same turn of the event loop share a batch.
    this.draining ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
    return promise;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch: Queued[] = [];
        let entries = 0;
        while (this.queue.length > 0) {
          const next = this.queue[0]!;
          if (batch.length > 0 && entries + next.request.items.length > MAX_BATCH_ENTRIES) {
            break;
          }
          this.queue.shift();
          batch.push(next);
          entries += next.request.items.length;
        }
        this.queuedEntries -= entries;
        await this.integrate(batch);
      }
    } finally {
      this.draining = null;
    }
  }

  private async integrate(batch: Queued[]): Promise<void> {
    // Until the replay check has settled some requests, a failure must answer the whole batch.
    let accepted: Queued[] = batch;
    try {
      accepted = await this.withoutReplays(batch);
      if (accepted.length === 0) {
        return;
      }
      const result = await this.commit(accepted);
      accepted.forEach((q, i) => q.resolve(result[i]!));
    } catch (error) {
      this.logger.error({ err: error }, 'transparency log: batch not integrated');
      const failure =
        error instanceof AppError
          ? error
          : new AppError('log_unavailable', 503, '存证日志暂时无法写入，存证未被记录，请稍后重试');
      for (const q of accepted) {
        q.reject(failure);
      }
      // The state may have moved under us (another writer) or the commit may have failed: reload.
      this.initializing = null;
      this.range = null;
      await this.init().catch((reloadError: unknown) =>
        this.logger.error({ err: reloadError }, 'transparency log: reload failed'),
      );
    }
  }

  /** Drops requests whose Idempotency-Key this enterprise already used (in the database or in this batch). */
  private async withoutReplays(batch: Queued[]): Promise<Queued[]> {
    const keyed = batch.filter((q) => q.request.requestKey !== null);
    const used = await repo.usedRequestKeys(
      this.db,
      keyed.map((q) => ({ enterpriseId: q.request.enterpriseId, key: q.request.requestKey! })),
    );
    const accepted: Queued[] = [];
    for (const q of batch) {
      if (q.request.requestKey !== null) {
        const id = `${q.request.enterpriseId} ${q.request.requestKey}`;
        if (used.has(id)) {
          q.reject(replayedError());
          continue;
        }
        used.add(id);
      }
      accepted.push(q);
    }
    return accepted;
  }

  private async commit(accepted: Queued[]): Promise<Integrated[]> {
    if (!this.range) {
      await this.init();
    }
    const range = this.range!.clone();
    const oldSize = range.size;
    const timestampMs = Math.max(Date.now(), this.lastTimestamp);
    const loggedAt = new Date(timestampMs).toISOString();
    const newNodes = new Map<number, Uint8Array>();
    const nodeRows: LogNodeTable[] = [];
    const entryRows: { leaf_index: number; entry: string }[] = [];
    const perRequest: { rows: AttestationTable[]; entries: Uint8Array[] }[] = [];
    for (const q of accepted) {
      const rows: AttestationTable[] = [];
      const entries: Uint8Array[] = [];
      for (const item of q.request.items) {
        const commitment = enterpriseCommitment(sha256, hexBytes(item.salt), item.subject);
        const entry = encodeEntry({ fileSha256: hexBytes(item.sha256), timestampMs, commitment });
        const leafIndex = range.size;
        range.append(leafHash(sha256, entry), (node, hash) => {
          const key = nodeKey(node);
          newNodes.set(key, hash);
          // Leaf hashes (level 0) are not stored: they are recomputed from the entries when a proof needs one.
          if (node.level > 0) {
            nodeRows.push({ node_key: key, hash: bytesHex(hash) });
          }
        });
        entryRows.push({ leaf_index: leafIndex, entry: bytesBase64(entry) });
        entries.push(entry);
        rows.push({
          id: item.id,
          enterprise_id: item.enterpriseId,
          secret_point_id: item.secretPointId,
          sha256: item.sha256,
          label: item.label,
          leaf_index: leafIndex,
          created_by: item.createdBy,
          created_at: item.createdAt,
          logged_at: loggedAt,
          commitment_salt: item.salt,
          commitment_subject: item.subject,
        });
      }
      perRequest.push({ rows, entries });
    }
    const treeSize = range.size;
    const root = range.root();
    const note = signCheckpoint(this.signer, { origin: this.origin, size: treeSize, rootHash: root, extensions: [] });
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      if (!(await repo.advanceState(trx, oldSize, treeSize, at))) {
        throw new Error(`transparency log: tree size moved from ${oldSize} under this writer`);
      }
      await repo.insertEntries(trx, entryRows);
      await repo.insertNodes(trx, nodeRows);
      await repo.insertAttestations(
        trx,
        perRequest.flatMap((p) => p.rows),
      );
      await repo.insertRequestKeys(
        trx,
        accepted
          .filter((q) => q.request.requestKey !== null)
          .map((q) => ({ enterprise_id: q.request.enterpriseId, request_key: q.request.requestKey!, created_at: at })),
      );
      await repo.insertCheckpoint(trx, { tree_size: treeSize, root_hash: toHex(root), note, created_at: at });
      for (const [i, q] of accepted.entries()) {
        const rows = perRequest[i]!.rows;
        await writeAudit(trx, q.request.ctx, {
          action: rows.length === 1 ? 'attestation.create' : 'attestation.create_batch',
          entityType: 'attestation',
          entityId: rows[0]!.id,
          changedFields:
            rows.length === 1
              ? ['sha256', 'label', 'secretPointId', 'leafIndex']
              : [`leafIndex:${rows[0]!.leaf_index}-${rows[rows.length - 1]!.leaf_index}`],
        });
      }
    });
    this.range = range;
    this.lastTimestamp = timestampMs;

    const leafIndexes = perRequest.flatMap((p) => p.rows.map((r) => r.leaf_index!));
    let proofs: Uint8Array[][];
    try {
      proofs = await this.inclusionProofs(leafIndexes, treeSize, newNodes);
    } catch (error) {
      // Committed: the caller must not be told it was not recorded (a retry would attest twice).
      this.logger.error({ err: error }, 'transparency log: receipts failed after commit');
      throw new AppError(
        'attestation_receipt_failed',
        503,
        '存证已写入日志，但回执暂时无法生成：请稍后在存证列表中下载回执',
      );
    }
    let next = 0;
    return perRequest.map((p) => ({
      treeSize,
      checkpoint: note,
      items: p.rows.map((row, i) => ({ row, entry: p.entries[i]!, inclusionProof: proofs[next++]! })),
    }));
  }

  /** Perfect-subtree hashes by key: level ≥ 1 from log_nodes, leaves (level 0) hashed from their entries. */
  private async storedNodes(keys: number[]): Promise<Map<number, Uint8Array>> {
    const leaves = keys.filter((k) => k < 2 ** 40);
    const inner = keys.filter((k) => k >= 2 ** 40);
    const map = new Map<number, Uint8Array>();
    for (const [key, hex] of await repo.nodesByKey(this.db, inner)) {
      map.set(key, hexBytes(hex));
    }
    for (const row of await repo.entriesByIndex(this.db, leaves)) {
      map.set(Number(row.leaf_index), leafHash(sha256, Buffer.from(row.entry, 'base64')));
    }
    return map;
  }

  /**
   * The hashes of these ranges from stored nodes: `known` first (this batch's new nodes), the rest in one
   * query per 500 keys. Ranges shared by many proofs (the upper siblings) are hashed once.
   */
  private async rangeHashes(ranges: LeafRange[][], known?: Map<number, Uint8Array>): Promise<Uint8Array[][]> {
    const nodes = new Map<number, Uint8Array>(known);
    const wanted = new Set<number>();
    const distinct = new Map<string, LeafRange>();
    for (const list of ranges) {
      for (const range of list) {
        const id = `${range.start}-${range.end}`;
        if (distinct.has(id)) {
          continue;
        }
        distinct.set(id, range);
        for (const node of rangeNodes(range)) {
          const key = nodeKey(node);
          if (!nodes.has(key)) {
            wanted.add(key);
          }
        }
      }
    }
    for (const [key, hash] of await this.storedNodes([...wanted])) {
      nodes.set(key, hash);
    }
    const lookup = (node: { level: number; index: number }): Uint8Array => {
      const hash = nodes.get(nodeKey(node));
      if (!hash) {
        throw new Error(`transparency log: node ${node.level}/${node.index} is missing`);
      }
      return hash;
    };
    const hashes = new Map<string, Uint8Array>();
    for (const [id, range] of distinct) {
      hashes.set(id, rangeHash(sha256, range, lookup));
    }
    return ranges.map((list) => list.map((range) => hashes.get(`${range.start}-${range.end}`)!));
  }

  private inclusionProofs(leafIndexes: number[], treeSize: number, known?: Map<number, Uint8Array>) {
    return this.rangeHashes(
      leafIndexes.map((i) => inclusionProofRanges(i, treeSize)),
      known,
    );
  }

  /** The integrated size as the database has it (other processes may read a log this one writes). */
  async size(): Promise<number> {
    await this.init();
    return repo.treeSize(this.db);
  }

  /** The latest signed checkpoint. */
  async latest(): Promise<{ size: number; note: string; rootHash: string } | null> {
    await this.init();
    const row = await repo.latestCheckpoint(this.db);
    return row ? { size: Number(row.tree_size), note: row.note, rootHash: row.root_hash } : null;
  }

  async inclusionProof(leafIndex: number, treeSize: number): Promise<Uint8Array[]> {
    const size = await this.size();
    if (treeSize < 1 || treeSize > size) {
      throw new AppError(
        'log_tree_size',
        400,
        `treeSize 超出范围：当前日志共 ${size} 条，treeSize 应在 1 到 ${size} 之间`,
      );
    }
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new AppError('log_leaf_index', 400, `leafIndex 超出范围：应在 0 到 ${treeSize - 1} 之间`);
    }
    const [proof] = await this.inclusionProofs([leafIndex], treeSize);
    return proof!;
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    const size = await this.size();
    if (to > size) {
      throw new AppError('log_tree_size', 400, `to 超出范围：当前日志共 ${size} 条`);
    }
    if (from > to) {
      throw new AppError('log_tree_size', 400, 'from 不能大于 to');
    }
    const [proof] = await this.rangeHashes([consistencyProofRanges(from, to)]);
    return proof!;
  }

  /** Stops taking requests, lets the batch in progress commit and refuses what is still queued. */
  async close(): Promise<void> {
    this.closed = true;
    const refused = new AppError('log_closing', 503, '服务正在停止，存证未被记录，请稍后重试');
    // What is queued behind the running batch is refused, not started.
    const waiting = this.queue.splice(0);
    this.queuedEntries = 0;
    for (const q of waiting) {
      q.reject(refused);
    }
    await this.draining;
  }
}

const logs = new WeakMap<Kysely<DB>, TransparencyLog>();

/** The one log of a database handle in this process (routes, main.ts and tests share it). */
export function transparencyLogFor(
  db: Kysely<DB>,
  make: () => { signer: LogSigner; origin: string; logger: LogLogger },
): TransparencyLog {
  let log = logs.get(db);
  if (!log) {
    const { signer, origin, logger } = make();
    log = new TransparencyLog(db, signer, origin, logger);
    logs.set(db, log);
  }
  return log;
}

/** Closes and forgets the log of a database handle (the app's onClose). */
export async function closeTransparencyLog(db: Kysely<DB>): Promise<void> {
  const log = logs.get(db);
  logs.delete(db);
  await log?.close();
}

import {
  CompactRange,
  decodeEntry,
  enterpriseCommitment,
  fromBase64,
  fromHex,
  leafHash,
  nodeKey,
  parseCheckpointBody,
  parseSignedNote,
  parseVerifierKey,
  signatureFor,
  toHex,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { verifyNoteSignature } from './checkpoint';
import * as repo from './log.repo';
import { sha256 } from './merkle';

export interface LogVerification {
  ok: boolean;
  entries: number;
  checkpoints: number;
  attestations: number;
  /** Plain Chinese sentences, the first problems found (at most 50). */
  problems: string[];
}

const PAGE = 5000;
const MAX_PROBLEMS = 50;

/**
 * Recomputes the whole tree from the stored entries and checks: indexes are contiguous; every stored
 * node hash equals the recomputed one (proofs are served from them); every stored checkpoint's root
 * equals the recomputed root at its size and its signature verifies with `verifierKey`; the integrated
 * size matches; and every enterprise attestation row matches its entry (hash and commitment).
 */
export async function verifyLog(db: Kysely<DB>, verifierKey: string): Promise<LogVerification> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) {
      problems.push(text);
    }
  };
  const key = parseVerifierKey(sha256, verifierKey);
  const size = await repo.treeSize(db);
  const range = new CompactRange(sha256);

  let checkpoints = await repo.checkpointsAfter(db, -1, 1000);
  let checkpointIndex = 0;
  let checkpointCount = 0;
  const checkAt = async (treeSize: number) => {
    while (true) {
      if (checkpointIndex >= checkpoints.length) {
        if (checkpoints.length === 0) {
          return;
        }
        checkpoints = await repo.checkpointsAfter(db, Number(checkpoints[checkpoints.length - 1]!.tree_size), 1000);
        checkpointIndex = 0;
        if (checkpoints.length === 0) {
          return;
        }
      }
      const row = checkpoints[checkpointIndex]!;
      const rowSize = Number(row.tree_size);
      if (rowSize > treeSize) {
        return;
      }
      checkpointIndex += 1;
      checkpointCount += 1;
      const root = toHex(range.root());
      if (row.root_hash !== root) {
        problem(`检查点（树大小 ${rowSize}）记录的根哈希与由条目重算的不一致：日志历史被改写`);
      }
      try {
        const note = parseSignedNote(row.note);
        const body = parseCheckpointBody(note.body);
        const signature = signatureFor(note, key);
        if (body.size !== rowSize || toHex(body.rootHash) !== root) {
          problem(`检查点（树大小 ${rowSize}）签名文本中的大小或根哈希与重算的树不一致`);
        }
        if (!signature || !verifyNoteSignature(note.body, signature, key.publicKey)) {
          problem(`检查点（树大小 ${rowSize}）的签名无法用公钥 ${key.name} 验证`);
        }
      } catch (error) {
        problem(`检查点（树大小 ${rowSize}）格式无效：${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  await checkAt(0);
  let expected = 0;
  for (let start = 0; start < size; start += PAGE) {
    const rows = await repo.entriesBetween(db, start, Math.min(size, start + PAGE));
    const produced = new Map<number, string>();
    for (const row of rows) {
      const index = Number(row.leaf_index);
      if (index !== expected) {
        problem(`条目序号不连续：缺少第 ${expected} 条`);
        return { ok: false, entries: expected, checkpoints: checkpointCount, attestations: 0, problems };
      }
      let bytes: Uint8Array;
      try {
        bytes = fromBase64(row.entry);
        decodeEntry(bytes);
      } catch {
        problem(`第 ${index} 条条目编码无效`);
        bytes = new Uint8Array(0);
      }
      range.append(leafHash(sha256, bytes), (node, hash) => {
        // Leaf hashes are not stored (recomputed from entries); every higher perfect subtree is.
        if (node.level > 0) {
          produced.set(nodeKey(node), toHex(hash));
        }
      });
      expected += 1;
      await checkAt(range.size);
    }
    const stored = await repo.nodesByKey(db, [...produced.keys()]);
    for (const [k, hash] of produced) {
      const have = stored.get(k);
      if (have !== hash) {
        const level = Math.floor(k / 2 ** 40);
        problem(
          have === undefined
            ? `缺少节点哈希（层 ${level}，序号 ${k - level * 2 ** 40}）`
            : `节点哈希（层 ${level}，序号 ${k - level * 2 ** 40}）与由条目重算的不一致：条目或节点被改动`,
        );
      }
    }
    if (rows.length === 0) {
      break;
    }
  }
  if (expected !== size) {
    problem(`日志记录的大小为 ${size}，实际只有 ${expected} 条条目`);
  }
  const latest = await repo.latestCheckpoint(db);
  if (!latest || Number(latest.tree_size) !== size) {
    problem(`最新检查点的大小（${latest ? Number(latest.tree_size) : '无'}）与日志大小 ${size} 不一致`);
  }
  const extra = await repo.entriesBetween(db, size, size + 1);
  if (extra.length > 0) {
    problem(`存在超出日志大小 ${size} 的条目（未签入检查点）`);
  }

  // The enterprises' private rows must say what their entries say.
  let attestations = 0;
  let after = '';
  while (true) {
    const rows = await db
      .selectFrom('attestations as a')
      .leftJoin('log_entries as e', 'e.leaf_index', 'a.leaf_index')
      .select(['a.id', 'a.sha256', 'a.leaf_index', 'a.commitment_salt', 'a.commitment_subject', 'e.entry'])
      .where('a.id', '>', after)
      .orderBy('a.id', 'asc')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      attestations += 1;
      if (row.leaf_index === null || row.entry === null) {
        problem(`存证 ${row.id} 在日志中没有对应的条目`);
        continue;
      }
      try {
        const entry = decodeEntry(fromBase64(row.entry));
        const commitment = enterpriseCommitment(sha256, fromHex(row.commitment_salt), row.commitment_subject);
        if (toHex(entry.fileSha256) !== row.sha256 || toHex(entry.commitment) !== toHex(commitment)) {
          problem(`存证 ${row.id} 与日志第 ${Number(row.leaf_index)} 条条目不一致`);
        }
      } catch {
        problem(`存证 ${row.id} 对应的条目无法解码`);
      }
    }
    if (rows.length < PAGE) {
      break;
    }
    after = rows[rows.length - 1]!.id;
  }
  return { ok: problems.length === 0, entries: expected, checkpoints: checkpointCount, attestations, problems };
}

import { randomBytes } from 'node:crypto';
import { decodeEntry, fromBase64, RECEIPT_FORMAT, type AttestationReceipt } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { secretPointExists } from '../secrets/index';
import * as repo from './attestations.repo';
import { canAttest, canViewAttestation } from './attestations.policy';
import type { TransparencyLog } from './log.service';

export interface AttestationInputBody {
  sha256: string;
  label?: string;
  secretPointId?: string;
}

/** The public page a receipt's QR code and `verifyUrl` point to. */
export function attestationVerifyUrl(origin: string, leafIndex: number, sha256: string): string {
  return `${origin.replace(/\/+$/, '')}/verify/attestation?leaf=${leafIndex}&sha256=${sha256}`;
}

export function presentAttestation(row: repo.AttestationRow) {
  return {
    id: row.id,
    sha256: row.sha256,
    label: row.label,
    secretPointId: row.secret_point_id,
    leafIndex: row.leaf_index === null ? null : Number(row.leaf_index),
    loggedAt: row.logged_at,
    createdAt: row.created_at,
    createdByName: row.created_by_name,
  };
}

export type Attestation = ReturnType<typeof presentAttestation>;

/** Checks one item: a clear message for a non-hex hash, for a wrong length, for a long label. */
function checkItem(item: AttestationInputBody, field: string): { sha256: string; label: string | null } {
  const errors: FieldError[] = [];
  const hash = item.sha256.trim().toLowerCase();
  if (!/^[0-9a-f]*$/.test(hash)) {
    errors.push({
      field: `${field}sha256`,
      message: 'SHA-256 只能包含十六进制字符（0-9、a-f）：请提交文件哈希值，而不是文件本身或其他编码',
    });
  } else if (hash.length !== 64) {
    errors.push({
      field: `${field}sha256`,
      message: `SHA-256 应为 64 位十六进制字符，收到 ${hash.length} 位（可能是其他哈希算法或被截断）`,
    });
  }
  const label = item.label?.trim() ?? '';
  if (errors.length > 0) {
    throw new AppError('attestation_bad_hash', 400, errors.map((e) => e.message).join('；'), errors);
  }
  return { sha256: hash, label: label.length > 0 ? label : null };
}

function receiptOf(
  log: TransparencyLog,
  row: { leaf_index: number | null; commitment_salt: string; commitment_subject: string },
  enterpriseName: string,
  entry: Uint8Array,
  checkpoint: string,
  proof: Uint8Array[],
  origin: string,
): AttestationReceipt {
  const decoded = decodeEntry(entry);
  const sha256 = Buffer.from(decoded.fileSha256).toString('hex');
  const leafIndex = Number(row.leaf_index);
  return {
    format: RECEIPT_FORMAT,
    entry: {
      encoded: Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength).toString('base64'),
      sha256,
      loggedAt: new Date(decoded.timestampMs).toISOString(),
      timestampMs: decoded.timestampMs,
      commitment: Buffer.from(decoded.commitment).toString('hex'),
    },
    leafIndex,
    checkpoint,
    inclusionProof: proof.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength).toString('base64')),
    publicKey: log.signer.verifierKey,
    attester: { subject: row.commitment_subject, salt: row.commitment_salt, name: enterpriseName },
    verifyUrl: attestationVerifyUrl(origin, leafIndex, sha256),
  };
}

/**
 * Attests one or many file hashes for the actor's enterprise and answers once they are in a signed
 * checkpoint, with a receipt each. All or nothing: one bad item refuses the request.
 */
export async function createAttestations(
  db: Kysely<DB>,
  log: TransparencyLog,
  ctx: RequestContext,
  items: AttestationInputBody[],
  options: { requestKey: string | null; origin: string; batch: boolean },
) {
  const actor = ctx.actor;
  if (!canAttest(actor)) {
    throw new AppError('attestation_not_enterprise', 403, '只有企业用户可以存证');
  }
  const checked = items.map((item, i) => checkItem(item, options.batch ? `items[${i}].` : ''));
  const seen = new Map<string, number>();
  checked.forEach((item, i) => {
    const first = seen.get(item.sha256);
    if (first !== undefined) {
      const message = `第 ${i + 1} 项与第 ${first + 1} 项是同一文件（SHA-256 相同），同一请求中只需存证一次`;
      throw invalid([{ field: `items[${i}].sha256`, message }], message);
    }
    seen.set(item.sha256, i);
  });
  const pointIds = [...new Set(items.map((i) => i.secretPointId).filter((id): id is string => !!id))];
  for (const pointId of pointIds) {
    if (!(await secretPointExists(db, actor.enterpriseId, pointId))) {
      const message = '关联的秘密点不存在或不属于本企业';
      throw new AppError('attestation_secret_point_not_found', 404, message, [{ field: 'secretPointId', message }]);
    }
  }
  const enterprise = await repo.findEnterprise(db, actor.enterpriseId);
  if (!enterprise) {
    throw notFound('企业');
  }
  const at = nowIso();
  // One draw of randomness for every salt of the request.
  const salts = randomBytes(32 * checked.length).toString('hex');
  const result = await log.submit({
    ctx,
    enterpriseId: actor.enterpriseId,
    requestKey: options.requestKey,
    items: checked.map((item, i) => ({
      id: newId(),
      enterpriseId: actor.enterpriseId,
      sha256: item.sha256,
      label: item.label,
      secretPointId: items[i]!.secretPointId ?? null,
      createdBy: actor.userId,
      createdAt: at,
      salt: salts.slice(64 * i, 64 * (i + 1)),
      subject: enterprise.uscc,
    })),
  });
  return {
    treeSize: result.treeSize,
    items: result.items.map(({ row, entry, inclusionProof }) => ({
      attestation: presentAttestation({ ...row, created_by_name: actor.displayName }),
      receipt: receiptOf(log, row, enterprise.name, entry, result.checkpoint, inclusionProof, options.origin),
    })),
  };
}

export interface AttestationListQuery extends repo.AttestationFilter {
  page?: number;
  pageSize?: number;
}

/** The actor's enterprise's attestations, newest first. */
export async function listAttestations(db: Kysely<DB>, ctx: RequestContext, query: AttestationListQuery) {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  if (!ctx.actor.enterpriseId) {
    return { items: [], total: 0, page, pageSize };
  }
  const filter: repo.AttestationFilter = {
    q: query.q?.trim() || undefined,
    secretPointId: query.secretPointId,
    from: query.from,
    to: query.to,
  };
  const [rows, total] = await Promise.all([
    repo.searchAttestations(db, ctx.actor.enterpriseId, filter, pageSize, (page - 1) * pageSize),
    repo.countAttestations(db, ctx.actor.enterpriseId, filter),
  ]);
  return { items: rows.map(presentAttestation), total, page, pageSize };
}

/** Every attestation matching the filter (Excel export), at most `limit`. */
export async function exportAttestations(
  db: Kysely<DB>,
  ctx: RequestContext,
  filter: repo.AttestationFilter,
  limit = 50_000,
) {
  if (!ctx.actor.enterpriseId) {
    return [];
  }
  const rows = await repo.searchAttestations(
    db,
    ctx.actor.enterpriseId,
    { ...filter, q: filter.q?.trim() || undefined },
    limit,
    0,
  );
  return rows.map(presentAttestation);
}

async function loadVisible(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<repo.AttestationRow> {
  const row = await repo.findAttestation(db, id);
  if (!row || !canViewAttestation(ctx.actor, { enterpriseId: row.enterprise_id })) {
    throw notFound('存证');
  }
  return row;
}

export async function getAttestation(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Attestation> {
  return presentAttestation(await loadVisible(db, ctx, id));
}

/** A fresh receipt: the entry's inclusion proof up to the log's latest checkpoint. */
export async function attestationReceipt(
  db: Kysely<DB>,
  log: TransparencyLog,
  ctx: RequestContext,
  id: string,
  origin: string,
): Promise<{ attestation: Attestation; receipt: AttestationReceipt }> {
  const row = await loadVisible(db, ctx, id);
  const enterprise = await repo.findEnterprise(db, row.enterprise_id);
  const stored = row.leaf_index === null ? undefined : await repo.entryAt(db, Number(row.leaf_index));
  const latest = await log.latest();
  if (!stored || !enterprise || !latest) {
    throw new AppError('attestation_not_logged', 409, '该存证尚未写入日志');
  }
  const proof = await log.inclusionProof(Number(row.leaf_index), latest.size);
  return {
    attestation: presentAttestation(row),
    receipt: receiptOf(log, row, enterprise.name, fromBase64(stored.entry), latest.note, proof, origin),
  };
}

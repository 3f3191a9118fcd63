import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { checkReceipt, toBase64, type AttestationReceipt } from '@shangmi/shared';
import { verifyNoteSignature } from './checkpoint';
import { sha256 } from './merkle';

export interface ReceiptVerification {
  ok: boolean;
  /** What was proven (ok) or what failed (not ok), in plain Chinese. */
  lines: string[];
}

/** SHA-256 of a file, streamed (files of several GB). */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

/**
 * Offline verification of a receipt against a file: no server. Recomputes the file's hash, checks it
 * is the entry's, the entry's inclusion proof up to the checkpoint's root, and the checkpoint's
 * Ed25519 signature with `publicKey` (or, when none is given, the key embedded in the receipt — said so).
 */
export function verifyReceipt(
  receipt: AttestationReceipt,
  fileSha256: string,
  publicKey?: string,
): ReceiptVerification {
  const key = publicKey ?? receipt.publicKey;
  const check = checkReceipt(sha256, receipt, fileSha256, key);
  const failures = [...check.failures];
  if (check.signature && check.key && check.checkpointSignedText !== null) {
    if (!verifyNoteSignature(check.checkpointSignedText, check.signature, check.key.publicKey)) {
      failures.push('检查点签名无效：检查点不是由该公钥签发的，或已被改动');
    }
  }
  if (failures.length > 0 || !check.checkpoint || !check.entry) {
    return { ok: false, lines: failures.length > 0 ? failures : ['回执无法核验'] };
  }
  const cp = check.checkpoint;
  const lines = [
    `已证明：该文件（SHA-256 ${fileSha256}）是透明日志「${cp.origin}」第 ${receipt.leafIndex} 号条目所记录的文件。`,
    `该条目的时间戳为 ${new Date(check.entry.timestampMs).toISOString()}（UTC），由日志在写入时记录。`,
    `条目通过包含证明（${receipt.inclusionProof.length} 个哈希）归入大小为 ${cp.size}、根哈希为 ${toBase64(cp.rootHash)} 的检查点，该检查点的 Ed25519 签名可由公钥 ${check.key!.name}（密钥哈希 ${Buffer.from(check.key!.keyHash).toString('hex')}）验证。`,
    check.commitmentOpens
      ? `条目中的企业承诺可打开为统一社会信用代码 ${receipt.attester.subject}（回执注明的企业：${receipt.attester.name}）。`
      : '注意：回执中的企业信息无法打开条目中的企业承诺，不能据此证明由谁存证。',
  ];
  if (!publicKey) {
    lines.push('注意：未指定 --public-key，使用了回执中嵌入的公钥；请与日志公布的公钥（/api/log/public-key）核对。');
  }
  lines.push(
    '本核验只证明该文件在上述时间已存在并被写入日志；要确认日志未分叉，请将检查点与日志当前检查点做一致性核对。',
  );
  return { ok: true, lines };
}

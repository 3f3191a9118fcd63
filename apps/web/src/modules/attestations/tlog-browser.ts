import {
  bytesEqual,
  checkReceipt,
  fromBase64,
  parseCheckpointBody,
  parseSignedNote,
  parseVerifierKey,
  signatureFor,
  utf8,
  verifyConsistency,
  type AttestationReceipt,
  type Checkpoint,
  type Sha256,
} from '@shangmi/shared';
import { createSHA256 } from 'hash-wasm';

/**
 * The browser's side of the transparency log: file hashing (streamed, with progress) and receipt
 * verification with the same RFC 6962 code as the server (@shangmi/shared tlog.ts). WebCrypto has no
 * streaming digest, so files are hashed with hash-wasm (SHA-256 in WebAssembly) a chunk at a time —
 * files of several GB never sit in memory. Ed25519 signatures are checked with WebCrypto.
 */

const CHUNK = 8 * 1024 * 1024;

/** SHA-256 of a file as lower-case hex; `onProgress` gets the fraction read (0..1). */
export async function hashFile(
  file: Blob,
  onProgress?: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const hasher = await createSHA256();
  hasher.init();
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    if (signal?.aborted) {
      throw new DOMException('aborted', 'AbortError');
    }
    const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
    hasher.update(chunk);
    onProgress?.(Math.min(1, (offset + chunk.length) / file.size));
  }
  onProgress?.(1);
  return hasher.digest('hex');
}

/** A synchronous SHA-256 for the shared tlog code (hash-wasm's hasher is synchronous once loaded). */
export async function loadSha256(): Promise<Sha256> {
  const hasher = await createSHA256();
  return (...parts) => {
    hasher.init();
    for (const part of parts) {
      hasher.update(part);
    }
    return hasher.digest('binary');
  };
}

const buffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

/** Ed25519 with WebCrypto (Chromium, Firefox, Safari 17+). */
export async function ed25519Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  try {
    const key = await crypto.subtle.importKey('raw', buffer(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, buffer(signature), buffer(message));
  } catch {
    return false;
  }
}

/** Parses a checkpoint note and checks its signature with a verifier key; null when it does not verify. */
export async function openCheckpoint(sha256: Sha256, note: string, verifierKey: string): Promise<Checkpoint | null> {
  try {
    const key = parseVerifierKey(sha256, verifierKey);
    const parsed = parseSignedNote(note);
    const signature = signatureFor(parsed, key);
    if (!signature || !(await ed25519Verify(key.publicKey, utf8(parsed.body), signature.signature))) {
      return null;
    }
    return parseCheckpointBody(parsed.body);
  } catch {
    return null;
  }
}

export interface BrowserReceiptCheck {
  ok: boolean;
  failures: string[];
  checkpoint: Checkpoint | null;
  timestampMs: number | null;
  commitmentOpens: boolean;
}

/** Everything `shangmi verify --receipt` checks, in the browser. */
export async function verifyReceipt(
  sha256: Sha256,
  receipt: AttestationReceipt,
  fileSha256: string | null,
  verifierKey: string,
): Promise<BrowserReceiptCheck> {
  const check = checkReceipt(sha256, receipt, fileSha256, verifierKey);
  const failures = [...check.failures];
  if (check.signature && check.key && check.checkpointSignedText !== null) {
    const valid = await ed25519Verify(check.key.publicKey, utf8(check.checkpointSignedText), check.signature.signature);
    if (!valid) {
      failures.push('检查点签名无效：不是由该公钥签发，或已被改动');
    }
  }
  return {
    ok: failures.length === 0,
    failures,
    checkpoint: check.checkpoint,
    timestampMs: check.entry?.timestampMs ?? null,
    commitmentOpens: check.commitmentOpens,
  };
}

export interface ConsistencyCheck {
  ok: boolean;
  message: string;
  current: Checkpoint | null;
}

async function getText(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok) {
    throw new Error(`HTTP ${res.status}`);
  }
  return res.text();
}

/** Whether the log's current checkpoint extends the receipt's (a consistency proof checked here). */
export async function checkAgainstCurrent(
  sha256: Sha256,
  checkpoint: Checkpoint,
  verifierKey: string,
): Promise<ConsistencyCheck> {
  let current: Checkpoint | null;
  try {
    current = await openCheckpoint(sha256, await getText('/api/log/checkpoint'), verifierKey);
  } catch (error) {
    return { ok: false, message: `无法获取日志当前检查点：${String(error)}`, current: null };
  }
  if (!current) {
    return { ok: false, message: '日志当前检查点的签名无法用该公钥验证', current: null };
  }
  if (current.size < checkpoint.size) {
    return {
      ok: false,
      message: `日志当前大小 ${current.size} 小于回执检查点的 ${checkpoint.size}：日志被回退（分叉）`,
      current,
    };
  }
  if (current.size === checkpoint.size) {
    const same = bytesEqual(current.rootHash, checkpoint.rootHash);
    return {
      ok: same,
      message: same ? '回执的检查点就是日志当前的检查点' : '同一大小的检查点根哈希不同：日志分叉',
      current,
    };
  }
  try {
    const res = await fetch(`/api/log/proof/consistency?from=${checkpoint.size}&to=${current.size}`, {
      credentials: 'omit',
    });
    if (!res.ok) {
      throw new Error(`HTTP ${res.status}`);
    }
    const proof = ((await res.json()) as { proof: string[] }).proof.map(fromBase64);
    const ok = verifyConsistency(sha256, checkpoint.size, current.size, checkpoint.rootHash, current.rootHash, proof);
    return {
      ok,
      message: ok
        ? `日志当前检查点（大小 ${current.size}）与回执检查点（大小 ${checkpoint.size}）一致：历史未被改写`
        : '一致性证明不成立：日志当前的历史与回执检查点不一致（分叉）',
      current,
    };
  } catch (error) {
    return { ok: false, message: `无法获取一致性证明：${String(error)}`, current };
  }
}

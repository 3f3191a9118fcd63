import fs from 'node:fs';
import { fromBase64, toBase64, verifyConsistency, type Checkpoint } from '@shangmi/shared';
import { openCheckpoint } from './checkpoint';
import { sha256 } from './merkle';

export interface MonitorState {
  size: number;
  rootHash: string;
  note: string;
}

export interface MonitorEvent {
  kind: 'first' | 'unchanged' | 'consistent' | 'fork' | 'error';
  message: string;
  checkpoint?: Checkpoint;
}

const base = (url: string) => url.replace(/\/+$/, '');

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { headers: { accept: 'text/plain, application/json' } });
  if (!res.ok) {
    throw new Error(`${url} → HTTP ${res.status}`);
  }
  return res.text();
}

/**
 * One round of monitoring: fetch the log's checkpoint, check its signature, and prove it extends the
 * previous one with a consistency proof. A smaller tree, a different root at the same size, or a proof
 * that does not verify is a fork (the log showed two histories).
 */
export async function monitorOnce(
  url: string,
  verifierKey: string,
  previous: MonitorState | null,
): Promise<{ event: MonitorEvent; state: MonitorState | null }> {
  let note: string;
  let checkpoint: Checkpoint;
  try {
    note = await fetchText(`${base(url)}/api/log/checkpoint`);
    checkpoint = openCheckpoint(note, verifierKey);
  } catch (error) {
    return {
      event: {
        kind: 'error',
        message: `无法获取或验证检查点：${error instanceof Error ? error.message : String(error)}`,
      },
      state: previous,
    };
  }
  const state = { size: checkpoint.size, rootHash: toBase64(checkpoint.rootHash), note };
  if (!previous) {
    return {
      event: { kind: 'first', message: `检查点：大小 ${checkpoint.size}，根哈希 ${state.rootHash}`, checkpoint },
      state,
    };
  }
  if (checkpoint.size < previous.size) {
    return {
      event: {
        kind: 'fork',
        message: `分叉：日志大小从 ${previous.size} 变为 ${checkpoint.size}（已签名的历史被回退）`,
        checkpoint,
      },
      state: previous,
    };
  }
  if (checkpoint.size === previous.size) {
    if (state.rootHash !== previous.rootHash) {
      return {
        event: {
          kind: 'fork',
          message: `分叉：大小同为 ${checkpoint.size} 的两个检查点根哈希不同（${previous.rootHash} / ${state.rootHash}）`,
          checkpoint,
        },
        state: previous,
      };
    }
    return { event: { kind: 'unchanged', message: `无新条目（大小 ${checkpoint.size}）`, checkpoint }, state };
  }
  let proof: Uint8Array[];
  try {
    const res = await fetch(`${base(url)}/api/log/proof/consistency?from=${previous.size}&to=${checkpoint.size}`);
    if (!res.ok) {
      throw new Error(`HTTP ${res.status}`);
    }
    proof = ((await res.json()) as { proof: string[] }).proof.map(fromBase64);
  } catch (error) {
    return {
      event: {
        kind: 'error',
        message: `无法获取一致性证明：${error instanceof Error ? error.message : String(error)}`,
      },
      state: previous,
    };
  }
  const ok = verifyConsistency(
    sha256,
    previous.size,
    checkpoint.size,
    fromBase64(previous.rootHash),
    checkpoint.rootHash,
    proof,
  );
  if (!ok) {
    return {
      event: {
        kind: 'fork',
        message: `分叉：大小 ${checkpoint.size} 的检查点与之前大小 ${previous.size} 的检查点不一致（一致性证明不成立）`,
        checkpoint,
      },
      state: previous,
    };
  }
  return {
    event: {
      kind: 'consistent',
      message: `一致：${previous.size} → ${checkpoint.size}，根哈希 ${state.rootHash}`,
      checkpoint,
    },
    state,
  };
}

export function readMonitorState(file: string | undefined): MonitorState | null {
  if (!file || !fs.existsSync(file)) {
    return null;
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as MonitorState;
}

export function writeMonitorState(file: string | undefined, state: MonitorState | null): void {
  if (file && state) {
    fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  }
}

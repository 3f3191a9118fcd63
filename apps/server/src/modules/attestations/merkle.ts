import { createHash } from 'node:crypto';
import type { Sha256 } from '@shangmi/shared';

/**
 * RFC 6962 / RFC 9162 Merkle tree logic lives in `@shangmi/shared` (tlog.ts) so that the browser's
 * verification page runs the same code; this file binds it to Node's SHA-256. No database, no Fastify:
 * the offline verifier (`shangmi verify --receipt`) imports only this and checkpoint.ts.
 */
export const sha256: Sha256 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
  }
  return hash.digest();
};

export {
  CompactRange,
  consistencyProofRanges,
  emptyRoot,
  frontierNodes,
  inclusionProofRanges,
  leafHash,
  nodeHash,
  nodeKey,
  rangeHash,
  rangeNodes,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
  type LeafRange,
  type PerfectNode,
} from '@shangmi/shared';

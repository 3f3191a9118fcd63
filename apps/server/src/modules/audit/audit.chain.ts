import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  requestId: string | null;
  clientIp: string | null;
  changedFields: string[];
}

/** Canonical JSON: keys in a fixed (sorted) order, no whitespace; the same content always hashes the same. */
export function canonicalContent(content: AuditContent): string {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(content).sort()) {
    ordered[key] = content[key as keyof AuditContent];
  }
  return JSON.stringify(ordered);
}

/** hash_n = SHA-256(hash_{n-1} ‖ canonical(content_n)), hex. */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalContent(content)).digest('hex');
}

/**
 * Attestation (存证) and the transparency log (issue: attestation). The `attestations` row is the
 * enterprise's private record of what it attested; the log's own tables hold only public entries.
 */
export interface AttestationTable {
  id: string;
  enterprise_id: string;
  /** Optional link to a secret point of the same enterprise (evidence of a carrier). */
  secret_point_id: string | null;
  /** The file's SHA-256, lower-case hex. */
  sha256: string;
  label: string | null;
  /** The entry's index in the log, once sequenced. */
  leaf_index: number | null;
  created_by: string;
  created_at: string;
  /** The entry's timestamp (ISO-8601, millisecond precision): when the log integrated it. */
  logged_at: string;
  /** Hex salt of the enterprise commitment in the entry (private: whoever holds it can open the commitment). */
  commitment_salt: string;
  /** The USCC the commitment was made to (kept: the enterprise's code may change later). */
  commitment_subject: string;
}

/** One public log entry: its canonical bytes (docs/transparency-log.md), base64. */
export interface LogEntryTable {
  leaf_index: number;
  entry: string;
}

/**
 * A perfect subtree's hash, keyed by level · 2^40 + index (see nodeKey in @shangmi/shared tlog.ts).
 * Level 0 are the leaf hashes. Kept so that a proof is O(log n) lookups.
 */
export interface LogNodeTable {
  node_key: number;
  hash: string;
}

/** Every signed checkpoint the log has issued (one per integrated batch). */
export interface LogCheckpointTable {
  tree_size: number;
  /** Hex root hash. */
  root_hash: string;
  /** The C2SP signed note. */
  note: string;
  created_at: string;
}

/** One row (id 1): the integrated size; a compare-and-set on it keeps two writers from forking the log. */
export interface LogStateTable {
  id: number;
  tree_size: number;
  updated_at: string;
}

/** Idempotency keys already used per enterprise: a reused key is a replayed request (409). */
export interface AttestationRequestTable {
  enterprise_id: string;
  request_key: string;
  created_at: string;
}

/** An attestation given as evidence for one requirement of a self-assessment. */
export interface AttestationEvidenceTable {
  id: string;
  assessment_id: string;
  requirement_code: string;
  attestation_id: string;
  created_by: string;
  created_at: string;
  removed_at: string | null;
}

export interface LogTables {
  attestations: AttestationTable;
  log_entries: LogEntryTable;
  log_nodes: LogNodeTable;
  log_checkpoints: LogCheckpointTable;
  log_state: LogStateTable;
  attestation_requests: AttestationRequestTable;
  attestation_evidence: AttestationEvidenceTable;
}

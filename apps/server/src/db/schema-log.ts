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
}

export interface LogTables {
  attestations: AttestationTable;
}

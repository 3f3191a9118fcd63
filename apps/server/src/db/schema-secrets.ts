/**
 * The enterprise's own secret register, personnel, agreements and offboarding (issue: secret register).
 * Columns ending in `_enc` hold AES-256-GCM ciphertext under the enterprise's data key (lib/keyring.ts);
 * everything else is a label, a code, a date or an id, never a secret's content.
 */
export interface SecretDataKeyTable {
  enterprise_id: string;
  /** The data key wrapped by the master key: "v1:<base64 iv|tag|ciphertext>". */
  wrapped_key: string;
  /** SHA-256 fingerprint (first 16 hex) of the master key that wraps it. */
  master_key_id: string;
  created_at: string;
  rotated_at: string | null;
}

/** An enterprise's own classification levels (密级); none stored means the defaults. */
export interface SecretLevelTable {
  enterprise_id: string;
  code: string;
  name: string;
  core: number;
  position: number;
}

export interface SecretPointTable {
  id: string;
  enterprise_id: string;
  /** Readable number, unique per enterprise, e.g. "MD-2026-0001". */
  number: string;
  /** A label that must not itself reveal the secret (the UI says so); searchable. */
  name: string;
  category: string;
  level_code: string;
  /** Date (YYYY-MM-DD), or null for 长期. */
  protected_until: string | null;
  department: string;
  status: string;
  content_enc: string;
  value_statement_enc: string | null;
  notes_enc: string | null;
  /** Length of the decrypted content (readiness's "specific description" without decrypting). */
  content_chars: number;
  created_by: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Knowledge scope: who may know the point. */
export interface SecretPointPersonnelTable {
  secret_point_id: string;
  personnel_id: string;
  added_at: string;
}

export interface SecretCarrierTable {
  id: string;
  secret_point_id: string;
  enterprise_id: string;
  kind: string;
  label: string;
  location_enc: string;
  custodian_personnel_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface SecretMeasureTable {
  id: string;
  secret_point_id: string;
  enterprise_id: string;
  /** A requirement code of the seeded local standard, or null for a measure of the enterprise's own. */
  requirement_code: string | null;
  description_enc: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface SecretEventTable {
  id: string;
  secret_point_id: string;
  enterprise_id: string;
  kind: string;
  occurred_on: string;
  note_enc: string | null;
  actor_id: string;
  created_at: string;
}

/** Every read of a point's content, every acknowledgement and export: who, when, which. */
export interface SecretAccessLogTable {
  id: string;
  enterprise_id: string;
  secret_point_id: string | null;
  user_id: string;
  action: string;
  at: string;
}

export interface SecretAcknowledgementTable {
  secret_point_id: string;
  user_id: string;
  at: string;
}

export interface PersonnelTable {
  id: string;
  enterprise_id: string;
  name: string;
  department: string;
  post: string;
  hire_date: string;
  status: string;
  left_on: string | null;
  /** The platform account of the person, if they have one (knowledge scope of an enterprise_user). */
  user_id: string | null;
  notes_enc: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonnelTrainingTable {
  id: string;
  personnel_id: string;
  enterprise_id: string;
  trained_on: string;
  topic: string;
  /** Tenths of an hour (integer, portable). */
  hours_tenths: number;
  created_by: string;
  created_at: string;
}

export interface AgreementTable {
  id: string;
  enterprise_id: string;
  personnel_id: string;
  kind: string;
  signed_on: string;
  effective_from: string;
  effective_until: string | null;
  /** Non-compete: months restricted after leaving (≤ 24). */
  restricted_months: number | null;
  /** Non-compete: monthly compensation in fen. */
  monthly_compensation_fen: number | null;
  document_name: string | null;
  document_mime: string | null;
  document_size: number | null;
  /** The uploaded document, encrypted, under <dataDir>/uploads/agreements/… */
  document_key: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface OffboardingTable {
  id: string;
  enterprise_id: string;
  personnel_id: string;
  leaving_on: string;
  /** 脱密期 end (YYYY-MM-DD) or null. */
  declassification_until: string | null;
  high_risk: number;
  non_compete_agreement_id: string | null;
  status: string;
  created_by: string;
  created_at: string;
  completed_at: string | null;
}

export interface OffboardingStepTable {
  offboarding_id: string;
  step: string;
  due_on: string;
  done_at: string | null;
  done_by: string | null;
  note_enc: string | null;
  /** Last time the enterprise admin was reminded of this overdue step. */
  reminded_at: string | null;
}

export interface NonCompetePaymentTable {
  id: string;
  offboarding_id: string;
  enterprise_id: string;
  agreement_id: string;
  month_index: number;
  due_on: string;
  amount_fen: number;
  paid_on: string | null;
}

export interface SecretTables {
  secret_data_keys: SecretDataKeyTable;
  secret_levels: SecretLevelTable;
  secret_points: SecretPointTable;
  secret_point_personnel: SecretPointPersonnelTable;
  secret_carriers: SecretCarrierTable;
  secret_measures: SecretMeasureTable;
  secret_events: SecretEventTable;
  secret_access_log: SecretAccessLogTable;
  secret_acknowledgements: SecretAcknowledgementTable;
  personnel: PersonnelTable;
  personnel_trainings: PersonnelTrainingTable;
  agreements: AgreementTable;
  offboardings: OffboardingTable;
  offboarding_steps: OffboardingStepTable;
  non_compete_payments: NonCompetePaymentTable;
}

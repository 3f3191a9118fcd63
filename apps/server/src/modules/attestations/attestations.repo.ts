import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { AttestationEvidenceTable } from '../../db/schema-log';

/** The enterprise's private attestation records and their use as assessment evidence. */

const ATTESTATION_COLUMNS = [
  'a.id',
  'a.enterprise_id',
  'a.secret_point_id',
  'a.sha256',
  'a.label',
  'a.leaf_index',
  'a.logged_at',
  'a.created_at',
  'a.commitment_salt',
  'a.commitment_subject',
  'u.display_name as created_by_name',
] as const;

function withUser(db: Kysely<DB>) {
  return db.selectFrom('attestations as a').innerJoin('users as u', 'u.id', 'a.created_by');
}

export type AttestationRow = NonNullable<Awaited<ReturnType<typeof findAttestation>>>;

export async function findAttestation(db: Kysely<DB>, id: string) {
  return withUser(db).select(ATTESTATION_COLUMNS).where('a.id', '=', id).executeTakeFirst();
}

export async function attestationsByIds(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) {
    return [];
  }
  return withUser(db).select(ATTESTATION_COLUMNS).where('a.id', 'in', ids).execute();
}

export interface AttestationFilter {
  q?: string;
  secretPointId?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
}

function filtered(db: Kysely<DB>, enterpriseId: string, filter: AttestationFilter) {
  let query = withUser(db).where('a.enterprise_id', '=', enterpriseId);
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = /^[0-9a-f]{4,64}$/.test(q)
      ? query.where((eb) => eb.or([eb('a.sha256', 'like', `${q}%`), eb('a.label', 'like', like)]))
      : query.where(sql<boolean>`lower(${sql.ref('a.label')}) like ${like} escape '\\'`);
  }
  if (filter.secretPointId) {
    query = query.where('a.secret_point_id', '=', filter.secretPointId);
  }
  if (filter.from) {
    query = query.where('a.created_at', '>=', filter.from);
  }
  if (filter.to) {
    // `to` is a date: everything before the next day.
    query = query.where('a.created_at', '<', `${filter.to}T99`);
  }
  return query;
}

export async function searchAttestations(
  db: Kysely<DB>,
  enterpriseId: string,
  filter: AttestationFilter,
  limit: number,
  offset: number,
) {
  return filtered(db, enterpriseId, filter)
    .select(ATTESTATION_COLUMNS)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.leaf_index', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countAttestations(db: Kysely<DB>, enterpriseId: string, filter: AttestationFilter) {
  const row = await filtered(db, enterpriseId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findEnterprise(db: Kysely<DB>, id: string) {
  return db.selectFrom('enterprises').select(['id', 'name', 'uscc']).where('id', '=', id).executeTakeFirst();
}

export async function entryAt(db: Kysely<DB>, leafIndex: number) {
  return db
    .selectFrom('log_entries')
    .select(['leaf_index', 'entry'])
    .where('leaf_index', '=', leafIndex)
    .executeTakeFirst();
}

/** The assessment's enterprise, its enterprise's region path and status (for the assessments policy). */
export async function findAssessmentRecord(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('assessments as s')
    .innerJoin('enterprises as e', 'e.id', 's.enterprise_id')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select(['s.id', 's.enterprise_id', 's.status', 'r.path as region_path'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function evidenceOf(db: Kysely<DB>, assessmentId: string) {
  return db
    .selectFrom('attestation_evidence')
    .select(['id', 'requirement_code', 'attestation_id', 'created_at'])
    .where('assessment_id', '=', assessmentId)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'asc')
    .execute();
}

export async function findEvidence(db: Kysely<DB>, assessmentId: string, evidenceId: string) {
  return db
    .selectFrom('attestation_evidence')
    .select(['id', 'requirement_code', 'attestation_id'])
    .where('id', '=', evidenceId)
    .where('assessment_id', '=', assessmentId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
}

export async function activeEvidenceExists(
  db: Kysely<DB>,
  assessmentId: string,
  requirementCode: string,
  attestationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('attestation_evidence')
    .select('id')
    .where('assessment_id', '=', assessmentId)
    .where('requirement_code', '=', requirementCode)
    .where('attestation_id', '=', attestationId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertEvidence(db: Kysely<DB>, row: AttestationEvidenceTable): Promise<void> {
  await db.insertInto('attestation_evidence').values(row).execute();
}

export async function removeEvidence(db: Kysely<DB>, id: string, at: string): Promise<void> {
  await db.updateTable('attestation_evidence').set({ removed_at: at }).where('id', '=', id).execute();
}

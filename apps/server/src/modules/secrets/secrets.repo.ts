import type { SecretLevel } from '@shangmi/shared';
import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import type {
  AgreementTable,
  NonCompetePaymentTable,
  OffboardingStepTable,
  OffboardingTable,
  PersonnelTable,
  SecretCarrierTable,
  SecretEventTable,
  SecretMeasureTable,
  SecretPointTable,
} from '../../db/schema-secrets';
import { likeEscape } from '../../lib/sql';

/** A value no id or code takes: `in (…)` with it matches nothing (PostgreSQL refuses NUL in text). */
const NO_MATCH = '#none';

/** The secret register's queries. Ciphertext columns are selected only by the functions that need them. */

export async function findEnterpriseRef(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select(['e.id', 'e.name', 'e.industry_code', 'r.path as region_path'])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function findLevels(db: Kysely<DB>, enterpriseId: string): Promise<SecretLevel[]> {
  const rows = await db
    .selectFrom('secret_levels')
    .select(['code', 'name', 'core'])
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, core: Number(r.core) === 1 }));
}

export async function replaceLevels(db: Kysely<DB>, enterpriseId: string, levels: SecretLevel[]): Promise<void> {
  await db.deleteFrom('secret_levels').where('enterprise_id', '=', enterpriseId).execute();
  await db
    .insertInto('secret_levels')
    .values(
      levels.map((l, i) => ({
        enterprise_id: enterpriseId,
        code: l.code,
        name: l.name,
        core: l.core ? 1 : 0,
        position: i,
      })),
    )
    .execute();
}

export async function levelCodesInUse(db: Kysely<DB>, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('secret_points')
    .select('level_code')
    .distinct()
    .where('enterprise_id', '=', enterpriseId)
    .execute();
  return rows.map((r) => r.level_code);
}

const POINT_COLUMNS = [
  'p.id',
  'p.enterprise_id',
  'p.number',
  'p.name',
  'p.category',
  'p.level_code',
  'p.protected_until',
  'p.department',
  'p.status',
  'p.content_chars',
  'p.created_by',
  'p.confirmed_by',
  'p.confirmed_at',
  'p.created_at',
  'p.updated_at',
] as const;

export interface PointFilter {
  q?: string;
  category?: string;
  levelCodes?: string[];
  status?: string;
  department?: string;
  /** An enterprise user: only the points whose knowledge scope names this person (null: none). */
  knowerPersonnelId?: string | null;
}

function pointQuery(db: Kysely<DB>, enterpriseId: string, filter: PointFilter) {
  let query = db.selectFrom('secret_points as p').where('p.enterprise_id', '=', enterpriseId);
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('p.name', 'like', pattern), eb('p.number', 'like', pattern), eb('p.department', 'like', pattern)]),
    );
  }
  if (filter.category) {
    query = query.where('p.category', '=', filter.category);
  }
  if (filter.levelCodes) {
    query = query.where('p.level_code', 'in', filter.levelCodes.length > 0 ? filter.levelCodes : [NO_MATCH]);
  }
  if (filter.status) {
    query = query.where('p.status', '=', filter.status);
  }
  if (filter.department) {
    query = query.where('p.department', '=', filter.department);
  }
  if (filter.knowerPersonnelId !== undefined) {
    const personnelId = filter.knowerPersonnelId ?? NO_MATCH;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('secret_point_personnel as k')
          .select('k.secret_point_id')
          .whereRef('k.secret_point_id', '=', 'p.id')
          .where('k.personnel_id', '=', personnelId),
      ),
    );
  }
  return query;
}

export async function listPoints(
  db: Kysely<DB>,
  enterpriseId: string,
  filter: PointFilter,
  page: { offset: number; limit: number } | null,
) {
  const base = pointQuery(db, enterpriseId, filter);
  let items = base.select(POINT_COLUMNS).orderBy('p.number', 'desc');
  if (page) {
    items = items.offset(page.offset).limit(page.limit);
  }
  const [rows, count] = await Promise.all([
    items.execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type PointRow = Awaited<ReturnType<typeof listPoints>>['rows'][number];

export async function findPoint(db: Kysely<DB>, enterpriseId: string, pointId: string) {
  return db
    .selectFrom('secret_points as p')
    .select(POINT_COLUMNS)
    .where('p.id', '=', pointId)
    .where('p.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

/** With the ciphertexts: only for a read that is logged, an update or an export. */
export async function findPointSealed(db: Kysely<DB>, enterpriseId: string, pointId: string) {
  return db
    .selectFrom('secret_points as p')
    .select([...POINT_COLUMNS, 'p.content_enc', 'p.value_statement_enc', 'p.notes_enc'])
    .where('p.id', '=', pointId)
    .where('p.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function listPointsSealed(db: Kysely<DB>, enterpriseId: string, pointIds?: string[]) {
  let query = db
    .selectFrom('secret_points as p')
    .select([...POINT_COLUMNS, 'p.content_enc', 'p.value_statement_enc', 'p.notes_enc'])
    .where('p.enterprise_id', '=', enterpriseId);
  if (pointIds) {
    query = query.where('p.id', 'in', pointIds.length > 0 ? pointIds : [NO_MATCH]);
  }
  return query.orderBy('p.number').execute();
}

export async function numbersLike(db: Kysely<DB>, enterpriseId: string, prefix: string): Promise<string[]> {
  const rows = await db
    .selectFrom('secret_points')
    .select('number')
    .where('enterprise_id', '=', enterpriseId)
    .where('number', 'like', `${likeEscape(prefix)}%`)
    .execute();
  return rows.map((r) => r.number);
}

export async function insertPoint(db: Kysely<DB>, row: Insertable<SecretPointTable>): Promise<void> {
  await db.insertInto('secret_points').values(row).execute();
}

export async function updatePoint(db: Kysely<DB>, id: string, set: Updateable<SecretPointTable>): Promise<void> {
  await db.updateTable('secret_points').set(set).where('id', '=', id).execute();
}

export async function departments(db: Kysely<DB>, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('secret_points')
    .select('department')
    .distinct()
    .where('enterprise_id', '=', enterpriseId)
    .orderBy('department')
    .execute();
  return rows.map((r) => r.department);
}

// ── knowledge scope ─────────────────────────────────────────────────────────────────────────────

export async function scopeOf(db: Kysely<DB>, pointIds: string[]) {
  if (pointIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('secret_point_personnel as k')
    .innerJoin('personnel as h', 'h.id', 'k.personnel_id')
    .select([
      'k.secret_point_id',
      'k.personnel_id',
      'k.added_at',
      'h.name',
      'h.department',
      'h.post',
      'h.status',
      'h.user_id',
    ])
    .where('k.secret_point_id', 'in', pointIds)
    .orderBy('h.name')
    .execute();
}

export async function personnelOfUser(db: Kysely<DB>, enterpriseId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('personnel')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId)
    .where('status', '!=', 'left')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function inScope(db: Kysely<DB>, pointId: string, personnelId: string | null): Promise<boolean> {
  if (!personnelId) {
    return false;
  }
  const row = await db
    .selectFrom('secret_point_personnel')
    .select('personnel_id')
    .where('secret_point_id', '=', pointId)
    .where('personnel_id', '=', personnelId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function replaceScope(db: Kysely<DB>, pointId: string, personnelIds: string[], at: string): Promise<void> {
  await db.deleteFrom('secret_point_personnel').where('secret_point_id', '=', pointId).execute();
  if (personnelIds.length > 0) {
    await db
      .insertInto('secret_point_personnel')
      .values(personnelIds.map((id) => ({ secret_point_id: pointId, personnel_id: id, added_at: at })))
      .execute();
  }
}

export async function addToScope(db: Kysely<DB>, pointId: string, personnelId: string, at: string): Promise<void> {
  if (!(await inScope(db, pointId, personnelId))) {
    await db
      .insertInto('secret_point_personnel')
      .values({ secret_point_id: pointId, personnel_id: personnelId, added_at: at })
      .execute();
  }
}

// ── carriers, measures, events, attestations ────────────────────────────────────────────────────

export async function carriersOf(db: Kysely<DB>, pointIds: string[]) {
  if (pointIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('secret_carriers as c')
    .leftJoin('personnel as h', 'h.id', 'c.custodian_personnel_id')
    .select([
      'c.id',
      'c.secret_point_id',
      'c.kind',
      'c.label',
      'c.location_enc',
      'c.custodian_personnel_id',
      'h.name as custodian_name',
      'c.status',
      'c.created_at',
      'c.updated_at',
    ])
    .where('c.secret_point_id', 'in', pointIds)
    .orderBy('c.created_at')
    .execute();
}

export async function findCarrier(db: Kysely<DB>, pointId: string, carrierId: string) {
  return db
    .selectFrom('secret_carriers')
    .selectAll()
    .where('id', '=', carrierId)
    .where('secret_point_id', '=', pointId)
    .executeTakeFirst();
}

export async function insertCarrier(db: Kysely<DB>, row: Insertable<SecretCarrierTable>): Promise<void> {
  await db.insertInto('secret_carriers').values(row).execute();
}

export async function updateCarrier(db: Kysely<DB>, id: string, set: Updateable<SecretCarrierTable>): Promise<void> {
  await db.updateTable('secret_carriers').set(set).where('id', '=', id).execute();
}

/** Carriers held by a person across the enterprise (offboarding: what they must return). */
export async function carriersHeldBy(db: Kysely<DB>, personnelId: string) {
  return db
    .selectFrom('secret_carriers as c')
    .innerJoin('secret_points as p', 'p.id', 'c.secret_point_id')
    .select(['c.id', 'c.kind', 'c.label', 'c.status', 'p.id as point_id', 'p.number', 'p.name'])
    .where('c.custodian_personnel_id', '=', personnelId)
    .where('c.status', '=', 'held')
    .execute();
}

export async function measuresOf(db: Kysely<DB>, pointIds: string[]) {
  if (pointIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('secret_measures')
    .select(['id', 'secret_point_id', 'requirement_code', 'description_enc', 'status', 'created_at', 'updated_at'])
    .where('secret_point_id', 'in', pointIds)
    .orderBy('created_at')
    .execute();
}

export async function findMeasure(db: Kysely<DB>, pointId: string, measureId: string) {
  return db
    .selectFrom('secret_measures')
    .selectAll()
    .where('id', '=', measureId)
    .where('secret_point_id', '=', pointId)
    .executeTakeFirst();
}

export async function insertMeasure(db: Kysely<DB>, row: Insertable<SecretMeasureTable>): Promise<void> {
  await db.insertInto('secret_measures').values(row).execute();
}

export async function updateMeasure(db: Kysely<DB>, id: string, set: Updateable<SecretMeasureTable>): Promise<void> {
  await db.updateTable('secret_measures').set(set).where('id', '=', id).execute();
}

export async function eventsOf(db: Kysely<DB>, pointId: string) {
  return db
    .selectFrom('secret_events as v')
    .leftJoin('users as u', 'u.id', 'v.actor_id')
    .select([
      'v.id',
      'v.kind',
      'v.occurred_on',
      'v.note_enc',
      'v.actor_id',
      'u.display_name as actor_name',
      'v.created_at',
    ])
    .where('v.secret_point_id', '=', pointId)
    .orderBy('v.created_at', 'desc')
    .execute();
}

export async function insertEvent(db: Kysely<DB>, row: Insertable<SecretEventTable>): Promise<void> {
  await db.insertInto('secret_events').values(row).execute();
}

export async function attestationsOf(db: Kysely<DB>, enterpriseId: string, pointIds: string[]) {
  if (pointIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('attestations')
    .select(['id', 'secret_point_id', 'sha256', 'label', 'leaf_index', 'created_at'])
    .where('enterprise_id', '=', enterpriseId)
    .where('secret_point_id', 'in', pointIds)
    .orderBy('created_at', 'desc')
    .execute();
}

// ── access log and acknowledgements ─────────────────────────────────────────────────────────────

export async function logAccess(
  db: Kysely<DB>,
  row: {
    id: string;
    enterprise_id: string;
    secret_point_id: string | null;
    user_id: string;
    action: string;
    at: string;
  },
): Promise<void> {
  await db.insertInto('secret_access_log').values(row).execute();
}

export async function listAccess(
  db: Kysely<DB>,
  enterpriseId: string,
  filter: { pointId?: string; userId?: string; action?: string },
  page: { offset: number; limit: number },
) {
  let base = db.selectFrom('secret_access_log as a').where('a.enterprise_id', '=', enterpriseId);
  if (filter.pointId) {
    base = base.where('a.secret_point_id', '=', filter.pointId);
  }
  if (filter.userId) {
    base = base.where('a.user_id', '=', filter.userId);
  }
  if (filter.action) {
    base = base.where('a.action', '=', filter.action);
  }
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .leftJoin('secret_points as p', 'p.id', 'a.secret_point_id')
      .select([
        'a.id',
        'a.secret_point_id',
        'p.number as point_number',
        'p.name as point_name',
        'a.user_id',
        'u.username',
        'u.display_name',
        'a.action',
        'a.at',
      ])
      .orderBy('a.at', 'desc')
      .orderBy('a.id')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findAcknowledgement(db: Kysely<DB>, pointId: string, userId: string) {
  return db
    .selectFrom('secret_acknowledgements')
    .select('at')
    .where('secret_point_id', '=', pointId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertAcknowledgement(db: Kysely<DB>, pointId: string, userId: string, at: string) {
  await db.insertInto('secret_acknowledgements').values({ secret_point_id: pointId, user_id: userId, at }).execute();
}

// ── personnel, trainings, agreements ────────────────────────────────────────────────────────────

/** Personnel with an agreement of `kind` in force on `today`. */
export async function signedPersonnel(
  db: Kysely<DB>,
  enterpriseId: string,
  kind: 'confidentiality' | 'non_compete',
  today: string,
  personnelIds?: string[],
): Promise<Set<string>> {
  if (personnelIds && personnelIds.length === 0) {
    return new Set();
  }
  let query = db
    .selectFrom('agreements')
    .select('personnel_id')
    .distinct()
    .where('enterprise_id', '=', enterpriseId)
    .where('kind', '=', kind)
    .where('status', '=', 'active')
    .where('effective_from', '<=', today)
    .where((eb) => eb.or([eb('effective_until', 'is', null), eb('effective_until', '>=', today)]));
  if (personnelIds) {
    query = query.where('personnel_id', 'in', personnelIds);
  }
  const rows = await query.execute();
  return new Set(rows.map((r) => r.personnel_id));
}

export async function trainedPersonnel(
  db: Kysely<DB>,
  enterpriseId: string,
  personnelIds?: string[],
): Promise<Set<string>> {
  if (personnelIds && personnelIds.length === 0) {
    return new Set();
  }
  let query = db
    .selectFrom('personnel_trainings')
    .select('personnel_id')
    .distinct()
    .where('enterprise_id', '=', enterpriseId);
  if (personnelIds) {
    query = query.where('personnel_id', 'in', personnelIds);
  }
  const rows = await query.execute();
  return new Set(rows.map((r) => r.personnel_id));
}

/**
 * Every knowledge-scope pair of the enterprise's points (or of `pointIds`, or of `personnelIds`), with
 * the point's level and status and the person's status. Three simple indexed reads merged here: a
 * three-way join was planned badly by SQLite (~130 ms for 15,000 pairs against ~15 ms this way).
 */
export async function enterpriseScopePairs(
  db: Kysely<DB>,
  enterpriseId: string,
  pointIds?: string[],
  personnelIds?: string[],
) {
  if ((pointIds && pointIds.length === 0) || (personnelIds && personnelIds.length === 0)) {
    return [];
  }
  let pairsQuery = db.selectFrom('secret_point_personnel as k').select(['k.secret_point_id', 'k.personnel_id']);
  if (pointIds) {
    pairsQuery = pairsQuery.where('k.secret_point_id', 'in', pointIds);
  }
  if (personnelIds) {
    pairsQuery = pairsQuery.where('k.personnel_id', 'in', personnelIds);
  }
  if (!pointIds && !personnelIds) {
    pairsQuery = pairsQuery.where('k.secret_point_id', 'in', (eb) =>
      eb.selectFrom('secret_points').select('id').where('enterprise_id', '=', enterpriseId),
    );
  }
  const pairs = await pairsQuery.execute();
  let pointsQuery = db
    .selectFrom('secret_points')
    .select(['id', 'level_code', 'status'])
    .where('enterprise_id', '=', enterpriseId);
  if (pointIds) {
    pointsQuery = pointsQuery.where('id', 'in', pointIds);
  } else if (personnelIds) {
    const ids = [...new Set(pairs.map((p) => p.secret_point_id))];
    pointsQuery = pointsQuery.where('id', 'in', ids.length > 0 ? ids : [NO_MATCH]);
  }
  const [points, notActive] = await Promise.all([
    pointsQuery.execute(),
    db
      .selectFrom('personnel')
      .select(['id', 'status'])
      .where('enterprise_id', '=', enterpriseId)
      .where('status', '!=', 'active')
      .execute(),
  ]);
  const pointById = new Map(points.map((p) => [p.id, p]));
  const statusById = new Map(notActive.map((h) => [h.id, h.status]));
  return pairs.flatMap((pair) => {
    const point = pointById.get(pair.secret_point_id);
    return point
      ? [
          {
            secret_point_id: pair.secret_point_id,
            personnel_id: pair.personnel_id,
            level_code: point.level_code,
            point_status: point.status,
            status: statusById.get(pair.personnel_id) ?? 'active',
          },
        ]
      : [];
  });
}

export async function carrierFacts(db: Kysely<DB>, enterpriseId: string, pointIds?: string[]) {
  let query = db
    .selectFrom('secret_carriers')
    .select(['secret_point_id', 'custodian_personnel_id'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'held');
  if (pointIds) {
    query = query.where('secret_point_id', 'in', pointIds.length > 0 ? pointIds : [NO_MATCH]);
  }
  return query.execute();
}

export async function measureFacts(db: Kysely<DB>, enterpriseId: string, pointIds?: string[]) {
  let query = db
    .selectFrom('secret_measures')
    .select(['secret_point_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'in_place')
    .where('requirement_code', 'is not', null)
    .groupBy('secret_point_id');
  if (pointIds) {
    query = query.where('secret_point_id', 'in', pointIds.length > 0 ? pointIds : [NO_MATCH]);
  }
  return query.execute();
}

export async function attestationFacts(db: Kysely<DB>, enterpriseId: string, pointIds?: string[]) {
  let query = db
    .selectFrom('attestations')
    .select(['secret_point_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('enterprise_id', '=', enterpriseId)
    .where('secret_point_id', 'is not', null)
    .groupBy('secret_point_id');
  if (pointIds) {
    query = query.where('secret_point_id', 'in', pointIds.length > 0 ? pointIds : [NO_MATCH]);
  }
  return query.execute();
}

export async function pointFacts(db: Kysely<DB>, enterpriseId: string, pointIds?: string[]) {
  let query = db
    .selectFrom('secret_points')
    .select([
      'id',
      'level_code',
      'status',
      'content_chars',
      sql<number>`case when value_statement_enc is null then 0 else 1 end`.as('has_value'),
    ])
    .where('enterprise_id', '=', enterpriseId);
  if (pointIds) {
    query = query.where('id', 'in', pointIds.length > 0 ? pointIds : [NO_MATCH]);
  }
  return query.execute();
}

export interface PersonnelFilter {
  q?: string;
  status?: string;
  department?: string;
}

export async function listPersonnel(
  db: Kysely<DB>,
  enterpriseId: string,
  filter: PersonnelFilter,
  page: { offset: number; limit: number } | null,
) {
  let base = db.selectFrom('personnel as h').where('h.enterprise_id', '=', enterpriseId);
  if (filter.q) {
    const pattern = `%${likeEscape(filter.q)}%`;
    base = base.where((eb) =>
      eb.or([eb('h.name', 'like', pattern), eb('h.post', 'like', pattern), eb('h.department', 'like', pattern)]),
    );
  }
  if (filter.status) {
    base = base.where('h.status', '=', filter.status);
  }
  if (filter.department) {
    base = base.where('h.department', '=', filter.department);
  }
  let items = base
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select([
      'h.id',
      'h.name',
      'h.department',
      'h.post',
      'h.hire_date',
      'h.status',
      'h.left_on',
      'h.user_id',
      'u.username',
      'h.created_at',
      'h.updated_at',
    ])
    .orderBy('h.name')
    .orderBy('h.id');
  if (page) {
    items = items.offset(page.offset).limit(page.limit);
  }
  const [rows, count] = await Promise.all([
    items.execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findPersonnel(db: Kysely<DB>, enterpriseId: string, id: string) {
  return db
    .selectFrom('personnel as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select([
      'h.id',
      'h.name',
      'h.department',
      'h.post',
      'h.hire_date',
      'h.status',
      'h.left_on',
      'h.user_id',
      'u.username',
      'h.notes_enc',
      'h.created_at',
      'h.updated_at',
    ])
    .where('h.id', '=', id)
    .where('h.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function personnelIdsOf(db: Kysely<DB>, enterpriseId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('personnel')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

export async function userOfEnterprise(db: Kysely<DB>, enterpriseId: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('id', '=', userId)
    .where('organization_id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function personnelLinkedTo(db: Kysely<DB>, enterpriseId: string, userId: string, exceptId?: string) {
  let query = db
    .selectFrom('personnel')
    .select('id')
    .where('enterprise_id', '=', enterpriseId)
    .where('user_id', '=', userId);
  if (exceptId) {
    query = query.where('id', '!=', exceptId);
  }
  return query.executeTakeFirst();
}

export async function insertPersonnel(db: Kysely<DB>, row: Insertable<PersonnelTable>): Promise<void> {
  await db.insertInto('personnel').values(row).execute();
}

export async function updatePersonnel(db: Kysely<DB>, id: string, set: Updateable<PersonnelTable>): Promise<void> {
  await db.updateTable('personnel').set(set).where('id', '=', id).execute();
}

export async function pointsKnownBy(db: Kysely<DB>, personnelId: string) {
  return db
    .selectFrom('secret_point_personnel as k')
    .innerJoin('secret_points as p', 'p.id', 'k.secret_point_id')
    .select(['p.id', 'p.number', 'p.name', 'p.level_code', 'p.status'])
    .where('k.personnel_id', '=', personnelId)
    .orderBy('p.number')
    .execute();
}

export async function trainingsOf(db: Kysely<DB>, personnelId: string) {
  return db
    .selectFrom('personnel_trainings')
    .select(['id', 'trained_on', 'topic', 'hours_tenths', 'created_at'])
    .where('personnel_id', '=', personnelId)
    .orderBy('trained_on', 'desc')
    .execute();
}

export async function insertTraining(db: Kysely<DB>, row: Insertable<DB['personnel_trainings']>): Promise<void> {
  await db.insertInto('personnel_trainings').values(row).execute();
}

const AGREEMENT_COLUMNS = [
  'a.id',
  'a.personnel_id',
  'h.name as personnel_name',
  'h.department as personnel_department',
  'a.kind',
  'a.signed_on',
  'a.effective_from',
  'a.effective_until',
  'a.restricted_months',
  'a.monthly_compensation_fen',
  'a.document_name',
  'a.document_mime',
  'a.document_size',
  'a.status',
  'a.created_at',
  'a.updated_at',
] as const;

export async function listAgreements(
  db: Kysely<DB>,
  enterpriseId: string,
  filter: { kind?: string; status?: string; personnelId?: string; q?: string },
  page: { offset: number; limit: number } | null,
) {
  let base = db
    .selectFrom('agreements as a')
    .innerJoin('personnel as h', 'h.id', 'a.personnel_id')
    .where('a.enterprise_id', '=', enterpriseId);
  if (filter.kind) {
    base = base.where('a.kind', '=', filter.kind);
  }
  if (filter.status) {
    base = base.where('a.status', '=', filter.status);
  }
  if (filter.personnelId) {
    base = base.where('a.personnel_id', '=', filter.personnelId);
  }
  if (filter.q) {
    base = base.where('h.name', 'like', `%${likeEscape(filter.q)}%`);
  }
  let items = base.select(AGREEMENT_COLUMNS).orderBy('a.signed_on', 'desc').orderBy('a.id');
  if (page) {
    items = items.offset(page.offset).limit(page.limit);
  }
  const [rows, count] = await Promise.all([
    items.execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findAgreement(db: Kysely<DB>, enterpriseId: string, id: string) {
  return db
    .selectFrom('agreements as a')
    .innerJoin('personnel as h', 'h.id', 'a.personnel_id')
    .select([...AGREEMENT_COLUMNS, 'a.document_key'])
    .where('a.id', '=', id)
    .where('a.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function insertAgreement(db: Kysely<DB>, row: Insertable<AgreementTable>): Promise<void> {
  await db.insertInto('agreements').values(row).execute();
}

export async function updateAgreement(db: Kysely<DB>, id: string, set: Updateable<AgreementTable>): Promise<void> {
  await db.updateTable('agreements').set(set).where('id', '=', id).execute();
}

// ── offboarding ─────────────────────────────────────────────────────────────────────────────────

export async function listOffboardings(
  db: Kysely<DB>,
  enterpriseId: string,
  filter: { status?: string; highRisk?: boolean },
  page: { offset: number; limit: number },
) {
  let base = db
    .selectFrom('offboardings as o')
    .innerJoin('personnel as h', 'h.id', 'o.personnel_id')
    .where('o.enterprise_id', '=', enterpriseId);
  if (filter.status) {
    base = base.where('o.status', '=', filter.status);
  }
  if (filter.highRisk !== undefined) {
    base = base.where('o.high_risk', '=', filter.highRisk ? 1 : 0);
  }
  const [rows, count] = await Promise.all([
    base
      .select([
        'o.id',
        'o.personnel_id',
        'h.name as personnel_name',
        'h.department as personnel_department',
        'o.leaving_on',
        'o.declassification_until',
        'o.high_risk',
        'o.non_compete_agreement_id',
        'o.status',
        'o.created_at',
        'o.completed_at',
      ])
      .orderBy('o.created_at', 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findOffboarding(db: Kysely<DB>, enterpriseId: string, id: string) {
  return db
    .selectFrom('offboardings as o')
    .innerJoin('personnel as h', 'h.id', 'o.personnel_id')
    .select([
      'o.id',
      'o.personnel_id',
      'h.name as personnel_name',
      'h.department as personnel_department',
      'h.post as personnel_post',
      'o.leaving_on',
      'o.declassification_until',
      'o.high_risk',
      'o.non_compete_agreement_id',
      'o.status',
      'o.created_at',
      'o.completed_at',
    ])
    .where('o.id', '=', id)
    .where('o.enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
}

export async function openOffboardingOf(db: Kysely<DB>, personnelId: string) {
  return db
    .selectFrom('offboardings')
    .select('id')
    .where('personnel_id', '=', personnelId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function insertOffboarding(db: Kysely<DB>, row: Insertable<OffboardingTable>): Promise<void> {
  await db.insertInto('offboardings').values(row).execute();
}

export async function updateOffboarding(db: Kysely<DB>, id: string, set: Updateable<OffboardingTable>): Promise<void> {
  await db.updateTable('offboardings').set(set).where('id', '=', id).execute();
}

export async function insertSteps(db: Kysely<DB>, rows: Insertable<OffboardingStepTable>[]): Promise<void> {
  await db.insertInto('offboarding_steps').values(rows).execute();
}

export async function stepsOf(db: Kysely<DB>, offboardingId: string) {
  return db
    .selectFrom('offboarding_steps as s')
    .leftJoin('users as u', 'u.id', 's.done_by')
    .select([
      's.step',
      's.due_on',
      's.done_at',
      's.done_by',
      'u.display_name as done_by_name',
      's.note_enc',
      's.reminded_at',
    ])
    .where('s.offboarding_id', '=', offboardingId)
    .execute();
}

export async function updateStep(
  db: Kysely<DB>,
  offboardingId: string,
  step: string,
  set: Updateable<OffboardingStepTable>,
): Promise<void> {
  await db
    .updateTable('offboarding_steps')
    .set(set)
    .where('offboarding_id', '=', offboardingId)
    .where('step', '=', step)
    .execute();
}

export async function insertPayments(db: Kysely<DB>, rows: Insertable<NonCompetePaymentTable>[]): Promise<void> {
  if (rows.length > 0) {
    await db.insertInto('non_compete_payments').values(rows).execute();
  }
}

export async function paymentsOf(db: Kysely<DB>, offboardingId: string) {
  return db
    .selectFrom('non_compete_payments')
    .select(['id', 'agreement_id', 'month_index', 'due_on', 'amount_fen', 'paid_on'])
    .where('offboarding_id', '=', offboardingId)
    .orderBy('month_index')
    .execute();
}

export async function findPayment(db: Kysely<DB>, offboardingId: string, paymentId: string) {
  return db
    .selectFrom('non_compete_payments')
    .select(['id', 'paid_on'])
    .where('id', '=', paymentId)
    .where('offboarding_id', '=', offboardingId)
    .executeTakeFirst();
}

export async function markPaymentPaid(db: Kysely<DB>, id: string, paidOn: string): Promise<void> {
  await db.updateTable('non_compete_payments').set({ paid_on: paidOn }).where('id', '=', id).execute();
}

/** Open steps past their due date, across all enterprises (the reminder job). */
export async function overdueSteps(db: Kysely<DB>, today: string, enterpriseId?: string) {
  let query = db
    .selectFrom('offboarding_steps as s')
    .innerJoin('offboardings as o', 'o.id', 's.offboarding_id')
    .innerJoin('personnel as h', 'h.id', 'o.personnel_id')
    .select(['s.offboarding_id', 's.step', 's.due_on', 'o.enterprise_id', 'o.high_risk', 'h.name as personnel_name'])
    .where('o.status', '=', 'open')
    .where('s.done_at', 'is', null)
    .where('s.due_on', '<', today);
  if (enterpriseId) {
    query = query.where('o.enterprise_id', '=', enterpriseId);
  }
  return query.orderBy('s.due_on').execute();
}

export async function enterpriseAdmins(db: Kysely<DB>, enterpriseId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('u.organization_id', '=', enterpriseId)
    .where('r.role', '=', 'enterprise_admin')
    .where('u.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function upcomingPayments(db: Kysely<DB>, enterpriseId: string, until: string) {
  return db
    .selectFrom('non_compete_payments as n')
    .innerJoin('offboardings as o', 'o.id', 'n.offboarding_id')
    .innerJoin('personnel as h', 'h.id', 'o.personnel_id')
    .select(['n.id', 'n.offboarding_id', 'n.due_on', 'n.amount_fen', 'h.name as personnel_name'])
    .where('n.enterprise_id', '=', enterpriseId)
    .where('n.paid_on', 'is', null)
    .where('n.due_on', '<=', until)
    .orderBy('n.due_on')
    .limit(20)
    .execute();
}

/** The latest published version of the local standard (measures link to its requirement codes). */
export async function latestStandardVersionId(db: Kysely<DB>, frameworkCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('framework_versions as v')
    .innerJoin('frameworks as f', 'f.id', 'v.framework_id')
    .select('v.id')
    .where('f.code', '=', frameworkCode)
    .where('v.status', '=', 'published')
    .orderBy('v.published_at', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** All enterprises with a register (government summaries across the city). */
export async function enterprisesWithRegister(db: Kysely<DB>): Promise<string[]> {
  const rows = await db.selectFrom('secret_points').select('enterprise_id').distinct().execute();
  return rows.map((r) => r.enterprise_id);
}

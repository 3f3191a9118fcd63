import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { likeEscape, regionsUnder } from '../../lib/sql';

/** Who sees which applications: everything, a county's subtree, an organisation's own, an expert's assigned. */
export type ApplicationVisibility =
  | { kind: 'all' }
  | { kind: 'region'; path: string }
  | { kind: 'organization'; organizationId: string }
  | { kind: 'expert'; userId: string };

export interface ApplicationFilter {
  visibility: ApplicationVisibility;
  q?: string;
  kind?: string;
  status?: string;
  countyRegionId?: string;
}

function applyApplicationFilter(db: Kysely<DB>, filter: ApplicationFilter) {
  let query = db.selectFrom('designation_applications as a');
  const v = filter.visibility;
  switch (v.kind) {
    case 'all':
      break;
    case 'region':
      query = query.where('a.region_id', 'in', regionsUnder(db, v.path));
      break;
    case 'organization':
      query = query.where((eb) =>
        eb.or([eb('a.applicant_organization_id', '=', v.organizationId), eb('a.subject_id', '=', v.organizationId)]),
      );
      break;
    case 'expert':
      query = query.where(
        'a.id',
        'in',
        db
          .selectFrom('designation_experts')
          .select('designation_experts.application_id')
          .where('designation_experts.expert_user_id', '=', v.userId),
      );
      break;
  }
  if (filter.q) {
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`a.subject_name`, 'like', sql<string>`${`%${likeEscape(filter.q ?? '')}%`} escape '\\'`),
        eb('a.number', '=', filter.q ?? ''),
      ]),
    );
  }
  if (filter.kind) {
    query = query.where('a.kind', '=', filter.kind);
  }
  if (filter.status) {
    query = query.where('a.status', '=', filter.status);
  }
  if (filter.countyRegionId) {
    query = query.where('a.county_region_id', '=', filter.countyRegionId);
  }
  return query;
}

const APPLICATION_COLUMNS = [
  'a.id',
  'a.number',
  'a.kind',
  'a.subject_id',
  'a.subject_name',
  'a.region_id',
  'r.name as region_name',
  'r.path as region_path',
  'a.county_region_id',
  'c.name as county_name',
  'a.route',
  'a.applicant_organization_id',
  'o.name as applicant_organization_name',
  'a.criteria_version_id',
  'a.status',
  'a.statement',
  'a.county_review_note',
  'a.county_reviewed_by',
  'a.county_reviewed_at',
  'a.final_score_tenths',
  'a.decision',
  'a.decision_date',
  'a.decision_basis',
  'a.decided_by',
  'a.notice_start',
  'a.notice_end',
  'a.designation_id',
  'a.created_by',
  'a.submitted_at',
  'a.created_at',
  'a.updated_at',
] as const;

function withApplicationDetails(query: ReturnType<typeof applyApplicationFilter>) {
  return query
    .innerJoin('regions as r', 'r.id', 'a.region_id')
    .innerJoin('regions as c', 'c.id', 'a.county_region_id')
    .innerJoin('organizations as o', 'o.id', 'a.applicant_organization_id')
    .select(APPLICATION_COLUMNS);
}

export type ApplicationRow = Awaited<ReturnType<typeof findApplication>> & {};

export async function searchApplications(db: Kysely<DB>, filter: ApplicationFilter, limit: number, offset: number) {
  return withApplicationDetails(applyApplicationFilter(db, filter))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countApplications(db: Kysely<DB>, filter: ApplicationFilter) {
  const row = await applyApplicationFilter(db, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findApplication(db: Kysely<DB>, id: string) {
  return withApplicationDetails(applyApplicationFilter(db, { visibility: { kind: 'all' } }))
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function insertApplication(db: Kysely<DB>, row: DB['designation_applications']) {
  await db.insertInto('designation_applications').values(row).execute();
}

export async function updateApplication(
  db: Kysely<DB>,
  id: string,
  values: Partial<DB['designation_applications']>,
  expectedStatus?: string,
) {
  let query = db.updateTable('designation_applications').set(values).where('id', '=', id);
  if (expectedStatus) {
    query = query.where('status', '=', expectedStatus);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The open applications (anything not finished) and the designations in force of one subject. */
export async function openApplicationOf(db: Kysely<DB>, kind: string, subjectId: string) {
  return db
    .selectFrom('designation_applications')
    .select(['id', 'number', 'status'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('status', 'not in', ['rejected', 'withdrawn', 'designated'])
    .executeTakeFirst();
}

export async function activeDesignationOf(db: Kysely<DB>, kind: string, subjectId: string) {
  return db
    .selectFrom('designations')
    .select(['id', 'number', 'status'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('status', '!=', 'revoked')
    .executeTakeFirst();
}

export async function nextNumber(db: Kysely<DB>, table: 'designation_applications' | 'designations', prefix: string) {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`count(*)`.as('n'))
    .where('number', 'like', `${likeEscape(prefix)}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

// Materials -------------------------------------------------------------------------------------------

export type MaterialRow = DB['designation_materials'];

export async function materialsOf(db: Kysely<DB>, applicationId: string): Promise<MaterialRow[]> {
  return db
    .selectFrom('designation_materials')
    .select([
      'application_id',
      'item_code',
      'note',
      'facts_json',
      'storage_key',
      'file_name',
      'mime_type',
      'size_bytes',
      'updated_at',
    ])
    .where('application_id', '=', applicationId)
    .execute();
}

export async function insertMaterials(db: Kysely<DB>, rows: MaterialRow[]) {
  if (rows.length > 0) {
    await db.insertInto('designation_materials').values(rows).execute();
  }
}

export async function updateMaterial(
  db: Kysely<DB>,
  applicationId: string,
  itemCode: string,
  values: Partial<MaterialRow>,
) {
  await db
    .updateTable('designation_materials')
    .set(values)
    .where('application_id', '=', applicationId)
    .where('item_code', '=', itemCode)
    .execute();
}

// Events ----------------------------------------------------------------------------------------------

export async function addEvent(
  db: Kysely<DB>,
  applicationId: string,
  event: { action: string; actorId: string | null; note?: string | null; at: string },
) {
  const row = await db
    .selectFrom('designation_events')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('designation_events')
    .values({
      application_id: applicationId,
      seq: Number(row.seq) + 1,
      action: event.action,
      actor_id: event.actorId,
      note: event.note ?? null,
      at: event.at,
    })
    .execute();
}

export async function eventsOf(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('designation_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.seq', 'e.action', 'e.actor_id', 'u.display_name as actor_name', 'e.note', 'e.at'])
    .where('e.application_id', '=', applicationId)
    .orderBy('e.seq')
    .execute();
}

// Experts and scores ----------------------------------------------------------------------------------

export async function expertsOf(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('designation_experts as x')
    .innerJoin('users as u', 'u.id', 'x.expert_user_id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['x.expert_user_id', 'u.display_name', 'o.name as organization_name', 'x.assigned_at', 'x.submitted_at'])
    .where('x.application_id', '=', applicationId)
    .orderBy('x.assigned_at')
    .orderBy('u.display_name')
    .execute();
}

export async function replaceExperts(
  db: Kysely<DB>,
  applicationId: string,
  expertIds: string[],
  assignedBy: string,
  at: string,
) {
  await db.deleteFrom('designation_scores').where('application_id', '=', applicationId).execute();
  await db.deleteFrom('designation_experts').where('application_id', '=', applicationId).execute();
  await db
    .insertInto('designation_experts')
    .values(
      expertIds.map((id) => ({
        application_id: applicationId,
        expert_user_id: id,
        assigned_by: assignedBy,
        assigned_at: at,
        submitted_at: null,
      })),
    )
    .execute();
}

export async function markExpertSubmitted(db: Kysely<DB>, applicationId: string, expertId: string, at: string) {
  const result = await db
    .updateTable('designation_experts')
    .set({ submitted_at: at })
    .where('application_id', '=', applicationId)
    .where('expert_user_id', '=', expertId)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function scoresOf(db: Kysely<DB>, applicationId: string, expertId?: string) {
  let query = db
    .selectFrom('designation_scores')
    .select(['expert_user_id', 'item_code', 'score_tenths', 'comment'])
    .where('application_id', '=', applicationId);
  if (expertId) {
    query = query.where('expert_user_id', '=', expertId);
  }
  return query.execute();
}

export async function replaceScores(
  db: Kysely<DB>,
  applicationId: string,
  expertId: string,
  items: { itemCode: string; scoreTenths: number; comment: string }[],
) {
  await db
    .deleteFrom('designation_scores')
    .where('application_id', '=', applicationId)
    .where('expert_user_id', '=', expertId)
    .execute();
  if (items.length > 0) {
    await db
      .insertInto('designation_scores')
      .values(
        items.map((i) => ({
          application_id: applicationId,
          expert_user_id: expertId,
          item_code: i.itemCode,
          score_tenths: i.scoreTenths,
          comment: i.comment,
        })),
      )
      .execute();
  }
}

/** Users holding the expert role (active), with their organisation. */
export async function listExperts(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.display_name', 'u.username', 'u.organization_id', 'o.name as organization_name'])
    .where('ur.role', '=', 'expert')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
}

// Expert ties -----------------------------------------------------------------------------------------

export async function tiesOf(db: Kysely<DB>, expertIds?: string[]) {
  let query = db
    .selectFrom('expert_ties as t')
    .innerJoin('organizations as o', 'o.id', 't.organization_id')
    .innerJoin('users as u', 'u.id', 't.expert_user_id')
    .select([
      't.id',
      't.expert_user_id',
      'u.display_name as expert_name',
      't.organization_id',
      'o.name as organization_name',
      't.note',
      't.declared_at',
    ])
    .orderBy('t.declared_at', 'desc');
  if (expertIds) {
    if (expertIds.length === 0) {
      return [];
    }
    query = query.where('t.expert_user_id', 'in', expertIds);
  }
  return query.execute();
}

export async function findTie(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('expert_ties')
    .select(['id', 'expert_user_id', 'organization_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertTie(db: Kysely<DB>, row: DB['expert_ties']) {
  await db.insertInto('expert_ties').values(row).execute();
}

export async function deleteTie(db: Kysely<DB>, id: string) {
  await db.deleteFrom('expert_ties').where('id', '=', id).execute();
}

// Objections ------------------------------------------------------------------------------------------

export async function objectionsOf(db: Kysely<DB>, applicationId: string) {
  return db
    .selectFrom('designation_objections')
    .select(['id', 'name', 'contact', 'text', 'status', 'answer', 'answered_by', 'answered_at', 'lodged_at'])
    .where('application_id', '=', applicationId)
    .orderBy('lodged_at')
    .execute();
}

export async function insertObjection(db: Kysely<DB>, row: DB['designation_objections']) {
  await db.insertInto('designation_objections').values(row).execute();
}

export async function answerObjection(
  db: Kysely<DB>,
  applicationId: string,
  id: string,
  values: { answer: string; answered_by: string; answered_at: string },
) {
  const result = await db
    .updateTable('designation_objections')
    .set({ ...values, status: 'answered' })
    .where('id', '=', id)
    .where('application_id', '=', applicationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function openObjectionCount(db: Kysely<DB>, applicationId: string) {
  const row = await db
    .selectFrom('designation_objections')
    .select(sql<number>`count(*)`.as('n'))
    .where('application_id', '=', applicationId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Applications in public notice today (the public portal's list). */
export async function noticesOn(db: Kysely<DB>, date: string) {
  return db
    .selectFrom('designation_applications as a')
    .innerJoin('regions as c', 'c.id', 'a.county_region_id')
    .select([
      'a.id',
      'a.number',
      'a.kind',
      'a.subject_name',
      'c.name as county_name',
      'a.final_score_tenths',
      'a.decision_date',
      'a.notice_start',
      'a.notice_end',
    ])
    .where('a.status', '=', 'notice')
    .where('a.notice_start', '<=', date)
    .where('a.notice_end', '>=', date)
    .orderBy('a.notice_start', 'desc')
    .orderBy('a.number')
    .execute();
}

// Subjects (the enterprise, station or base an application is for) -------------------------------------

export async function enterpriseSubject(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('organizations as o', 'o.id', 'e.id')
    .innerJoin('regions as r', 'r.id', 'e.region_id')
    .select([
      'e.id',
      'e.name',
      'e.region_id',
      'r.path as region_path',
      'e.industry_code',
      'e.status',
      'o.address',
      'o.contact_name',
      'o.contact_phone',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export async function stationSubject(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('service_stations as s')
    .innerJoin('organizations as o', 'o.id', 's.id')
    .innerJoin('regions as r', 'r.id', 's.region_id')
    .select([
      's.id',
      's.name',
      's.region_id',
      'r.path as region_path',
      's.host_organization_id',
      's.status',
      's.longitude_e6',
      's.latitude_e6',
      's.opening_hours',
      'o.address',
      'o.contact_name',
      'o.contact_phone',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function baseSubject(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('demonstration_bases as b')
    .innerJoin('regions as r', 'r.id', 'b.region_id')
    .leftJoin('organizations as h', 'h.id', 'b.host_organization_id')
    .select([
      'b.id',
      'b.name',
      'b.region_id',
      'r.path as region_path',
      'b.host_organization_id',
      'b.status',
      'b.address',
      'b.longitude_e6',
      'b.latitude_e6',
      'h.contact_name',
      'h.contact_phone',
    ])
    .where('b.id', '=', id)
    .executeTakeFirst();
}

export async function baseEnterpriseIds(db: Kysely<DB>, baseId: string) {
  const rows = await db
    .selectFrom('demonstration_base_enterprises')
    .select('enterprise_id')
    .where('base_id', '=', baseId)
    .execute();
  return rows.map((r) => r.enterprise_id);
}

export async function setSubjectFlag(db: Kysely<DB>, kind: string, subjectId: string, on: boolean, at: string) {
  if (kind === 'station') {
    await db
      .updateTable('service_stations')
      .set({ demonstration: on ? 1 : 0, updated_at: at })
      .where('id', '=', subjectId)
      .execute();
  } else if (kind === 'base') {
    await db
      .updateTable('demonstration_bases')
      .set({ designated: on ? 1 : 0, updated_at: at })
      .where('id', '=', subjectId)
      .execute();
  }
}

/** The valid conformance certificate of an enterprise on a date, if any (prefill of the enterprise criteria). */
export async function validCertificateOf(db: Kysely<DB>, enterpriseId: string, date: string) {
  return db
    .selectFrom('certificates')
    .select(['id', 'number', 'valid_from', 'valid_until'])
    .where('enterprise_id', '=', enterpriseId)
    .where('status', '=', 'valid')
    .where('valid_until', '>=', date)
    .orderBy('valid_until', 'desc')
    .executeTakeFirst();
}

/** Users of an organisation (notification recipients are organisations; this is for experts). */
export async function userIdsWithRole(db: Kysely<DB>, role: string, regionPathPrefix?: string) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('user_roles as ur', 'ur.user_id', 'u.id')
    .innerJoin('organizations as o', 'o.id', 'u.organization_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select('u.id')
    .where('ur.role', '=', role)
    .where('u.status', '=', 'active');
  if (regionPathPrefix) {
    query = query.where(sql<boolean>`${sql.ref('r.path')} like ${likeEscape(regionPathPrefix) + '%'} escape '\\'`);
  }
  return (await query.execute()).map((r) => r.id);
}

// Designations ----------------------------------------------------------------------------------------

export interface DesignationFilter {
  regionPath?: string;
  q?: string;
  kind?: string;
  status?: string;
  countyRegionId?: string;
  /** In force on this date (designated on or before, not revoked on or before). */
  asOf?: string;
  industry?: string;
  service?: string;
  /** Only those the public directory lists (not revoked). */
  publicOnly?: boolean;
}

function applyDesignationFilter(db: Kysely<DB>, filter: DesignationFilter) {
  let query = db.selectFrom('designations as d');
  if (filter.regionPath) {
    query = query.where('d.region_id', 'in', regionsUnder(db, filter.regionPath));
  }
  if (filter.q) {
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`d.subject_name`, 'like', sql<string>`${`%${likeEscape(filter.q ?? '')}%`} escape '\\'`),
        eb('d.number', '=', filter.q ?? ''),
      ]),
    );
  }
  if (filter.kind) {
    query = query.where('d.kind', '=', filter.kind);
  }
  if (filter.status) {
    query = query.where('d.status', '=', filter.status);
  }
  if (filter.publicOnly) {
    query = query.where('d.status', '!=', 'revoked');
  }
  if (filter.countyRegionId) {
    query = query.where('d.county_region_id', '=', filter.countyRegionId);
  }
  if (filter.asOf) {
    const asOf = filter.asOf;
    query = query
      .where('d.designated_on', '<=', asOf)
      .where((eb) => eb.or([eb('d.revoked_on', 'is', null), eb('d.revoked_on', '>', asOf)]));
  }
  if (filter.industry) {
    query = query.where(
      'd.subject_id',
      'in',
      db.selectFrom('enterprises').select('enterprises.id').where('enterprises.industry_code', '=', filter.industry),
    );
  }
  if (filter.service) {
    query = query.where(
      'd.subject_id',
      'in',
      db
        .selectFrom('service_station_services')
        .select('service_station_services.station_id')
        .where('service_station_services.service', '=', filter.service),
    );
  }
  return query;
}

const DESIGNATION_COLUMNS = [
  'd.id',
  'd.number',
  'd.kind',
  'd.subject_id',
  'd.subject_name',
  'd.region_id',
  'r.name as region_name',
  'r.path as region_path',
  'd.county_region_id',
  'c.name as county_name',
  'd.application_id',
  'd.designated_on',
  'd.status',
  'd.rectify_by',
  'd.revoked_on',
  'd.revoke_reason',
  'd.created_at',
  'd.updated_at',
] as const;

function withDesignationDetails(query: ReturnType<typeof applyDesignationFilter>) {
  return query
    .innerJoin('regions as r', 'r.id', 'd.region_id')
    .innerJoin('regions as c', 'c.id', 'd.county_region_id')
    .select(DESIGNATION_COLUMNS);
}

export type DesignationRow = Awaited<ReturnType<typeof findDesignation>> & {};

export async function searchDesignations(db: Kysely<DB>, filter: DesignationFilter, limit: number, offset: number) {
  return withDesignationDetails(applyDesignationFilter(db, filter))
    .orderBy('d.designated_on', 'desc')
    .orderBy('d.number')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countDesignationRows(db: Kysely<DB>, filter: DesignationFilter) {
  const row = await applyDesignationFilter(db, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findDesignation(db: Kysely<DB>, id: string) {
  return withDesignationDetails(applyDesignationFilter(db, {})).where('d.id', '=', id).executeTakeFirst();
}

export async function insertDesignation(db: Kysely<DB>, row: DB['designations']) {
  await db.insertInto('designations').values(row).execute();
}

export async function updateDesignation(db: Kysely<DB>, id: string, values: Partial<DB['designations']>) {
  await db.updateTable('designations').set(values).where('id', '=', id).execute();
}

/** Contact, address, coordinates, services and industry of designated subjects (directory cards). */
export async function subjectDetails(db: Kysely<DB>, rows: { kind: string; subject_id: string }[]) {
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.subject_id);
  const result = new Map<
    string,
    {
      address: string;
      contactName: string | null;
      contactPhone: string | null;
      longitudeE6: number | null;
      latitudeE6: number | null;
      industryCode: string | null;
      services: string[];
    }
  >();
  const enterpriseIds = ids('enterprise');
  if (enterpriseIds.length > 0) {
    const found = await db
      .selectFrom('enterprises as e')
      .innerJoin('organizations as o', 'o.id', 'e.id')
      .select(['e.id', 'e.industry_code', 'o.address', 'o.contact_name', 'o.contact_phone'])
      .where('e.id', 'in', enterpriseIds)
      .execute();
    for (const e of found) {
      result.set(e.id, {
        address: e.address,
        contactName: e.contact_name,
        contactPhone: e.contact_phone,
        longitudeE6: null,
        latitudeE6: null,
        industryCode: e.industry_code,
        services: [],
      });
    }
  }
  const stationIds = ids('station');
  if (stationIds.length > 0) {
    const found = await db
      .selectFrom('service_stations as s')
      .innerJoin('organizations as o', 'o.id', 's.id')
      .select(['s.id', 's.longitude_e6', 's.latitude_e6', 'o.address', 'o.contact_name', 'o.contact_phone'])
      .where('s.id', 'in', stationIds)
      .execute();
    const services = await db
      .selectFrom('service_station_services')
      .select(['station_id', 'service'])
      .where('station_id', 'in', stationIds)
      .execute();
    for (const s of found) {
      result.set(s.id, {
        address: s.address,
        contactName: s.contact_name,
        contactPhone: s.contact_phone,
        longitudeE6: Number(s.longitude_e6),
        latitudeE6: Number(s.latitude_e6),
        industryCode: null,
        services: services.filter((x) => x.station_id === s.id).map((x) => x.service),
      });
    }
  }
  const baseIds = ids('base');
  if (baseIds.length > 0) {
    const found = await db
      .selectFrom('demonstration_bases as b')
      .leftJoin('organizations as h', 'h.id', 'b.host_organization_id')
      .select(['b.id', 'b.address', 'b.longitude_e6', 'b.latitude_e6', 'h.contact_name', 'h.contact_phone'])
      .where('b.id', 'in', baseIds)
      .execute();
    for (const b of found) {
      result.set(b.id, {
        address: b.address,
        contactName: b.contact_name,
        contactPhone: b.contact_phone,
        longitudeE6: Number(b.longitude_e6),
        latitudeE6: Number(b.latitude_e6),
        industryCode: null,
        services: [],
      });
    }
  }
  return result;
}

// Annual reviews --------------------------------------------------------------------------------------

export async function reviewsOf(db: Kysely<DB>, designationId: string) {
  return db
    .selectFrom('designation_reviews')
    .select(['id', 'designation_id', 'year', 'due_on', 'status', 'outcome', 'rectify_by', 'note', 'decided_at'])
    .where('designation_id', '=', designationId)
    .orderBy('year', 'desc')
    .execute();
}

export async function findReview(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('designation_reviews')
    .select(['id', 'designation_id', 'year', 'due_on', 'status', 'outcome', 'rectify_by', 'note', 'decided_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateReview(db: Kysely<DB>, id: string, values: Partial<DB['designation_reviews']>) {
  await db.updateTable('designation_reviews').set(values).where('id', '=', id).execute();
}

/** Designations designated before `year` that are not revoked and have no review for that year. */
export async function designationsNeedingReview(db: Kysely<DB>, year: number) {
  return db
    .selectFrom('designations as d')
    .select(['d.id', 'd.number', 'd.subject_name', 'd.designated_on', 'd.county_region_id'])
    .where('d.status', '!=', 'revoked')
    .where('d.designated_on', '<', `${year}-01-01`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('designation_reviews as v')
            .select('v.id')
            .whereRef('v.designation_id', '=', 'd.id')
            .where('v.year', '=', year),
        ),
      ),
    )
    .execute();
}

export async function insertReviews(db: Kysely<DB>, rows: DB['designation_reviews'][]) {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('designation_reviews')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export interface ReviewFilter {
  regionPath?: string;
  status?: string;
  year?: number;
}

function applyReviewFilter(db: Kysely<DB>, filter: ReviewFilter) {
  let query = db.selectFrom('designation_reviews as v').innerJoin('designations as d', 'd.id', 'v.designation_id');
  if (filter.regionPath) {
    query = query.where('d.region_id', 'in', regionsUnder(db, filter.regionPath));
  }
  if (filter.status) {
    query = query.where('v.status', '=', filter.status);
  }
  if (filter.year) {
    query = query.where('v.year', '=', filter.year);
  }
  return query;
}

export async function searchReviews(db: Kysely<DB>, filter: ReviewFilter, limit: number, offset: number) {
  return applyReviewFilter(db, filter)
    .innerJoin('regions as c', 'c.id', 'd.county_region_id')
    .select([
      'v.id',
      'v.designation_id',
      'd.number',
      'd.kind',
      'd.subject_name',
      'c.name as county_name',
      'd.status as designation_status',
      'v.year',
      'v.due_on',
      'v.status',
      'v.outcome',
      'v.rectify_by',
      'v.note',
      'v.decided_at',
    ])
    .orderBy('v.due_on')
    .orderBy('d.number')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countReviews(db: Kysely<DB>, filter: ReviewFilter) {
  const row = await applyReviewFilter(db, filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Training records of an enterprise's personnel since a date (people, sessions, hours in tenths). */
export async function trainingSince(db: Kysely<DB>, enterpriseId: string, since: string) {
  const row = await db
    .selectFrom('personnel_trainings')
    .select([
      sql<number>`count(*)`.as('sessions'),
      sql<number>`count(distinct personnel_id)`.as('people'),
      sql<number>`coalesce(sum(hours_tenths), 0)`.as('hours'),
    ])
    .where('enterprise_id', '=', enterpriseId)
    .where('trained_on', '>=', since)
    .executeTakeFirstOrThrow();
  return { sessions: Number(row.sessions), people: Number(row.people), hoursTenths: Number(row.hours) };
}

/** Organisations of any kind (enterprises included) by name, for an expert declaring a tie: names only. */
export async function searchTieTargets(db: Kysely<DB>, q: string | undefined, limit: number) {
  let query = db
    .selectFrom('organizations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.kind', 'r.name as region_name'])
    .where('o.status', '=', 'active')
    .orderBy('o.name')
    .limit(limit);
  if (q) {
    query = query.where(sql<boolean>`o.name like ${`%${likeEscape(q)}%`} escape '\\'`);
  }
  return query.execute();
}

/** The county's own government (its department organisation): the county-review inbox. */
export async function countyGovernmentId(db: Kysely<DB>, countyRegionId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('region_id', '=', countyRegionId)
    .where('kind', '=', 'department')
    .where('status', '=', 'active')
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The programme's office (工作专班办公室 at 市市场监管局): objections and review reminders go to its inbox. */
export async function programmeOfficeId(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', '市市场监管局')
    .where('kind', '=', 'department')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findOrganizationName(db: Kysely<DB>, id: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function findRegionPath(db: Kysely<DB>, id: string) {
  return db.selectFrom('regions').select('path').where('id', '=', id).executeTakeFirst();
}

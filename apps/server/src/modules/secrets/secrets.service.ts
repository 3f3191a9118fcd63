import {
  CONFIDENTIALITY_NOTICE,
  SECRET_CATEGORIES,
  SECRET_CATEGORY_LABELS,
  SECRET_POINT_STATUS_LABELS,
  type SecretCategory,
  type SecretLevel,
  type SecretPointStatus,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { sealerFor, type Sealer } from '../../lib/keyring';
import { enterpriseScope, inScope as inEnterpriseScope } from '../../plugins/authz';
import { writeAudit } from '../audit/index';
import { assessmentBasis } from '../frameworks/index';
import { addDays, cstToday } from './secrets.dates';
import {
  canViewSecretPoint,
  isLive,
  levelsOrDefault,
  rate,
  readiness,
  registerAccess,
  type Readiness,
  type ReadinessFacts,
  type RegisterAccess,
} from './secrets.policy';
import * as repo from './secrets.repo';

/** The local standard whose requirement codes measures link to (seed/standards.ts). */
export const STANDARD_FRAMEWORK_CODE = 'lc-trade-secret-standard';

export interface Register {
  enterpriseId: string;
  enterpriseName: string;
  industryCode: string;
  access: RegisterAccess;
  /** The personnel record linked to the actor's account (an enterprise user's knowledge scope). */
  personnelId: string | null;
  levels: SecretLevel[];
}

/**
 * Opens an enterprise's register for the actor: only the enterprise's own users get in; anyone else
 * (government, other enterprises) gets the same 404 as for an enterprise that does not exist.
 */
export async function openRegister(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string): Promise<Register> {
  const access = registerAccess(ctx.actor, enterpriseId);
  const enterprise = access ? await repo.findEnterpriseRef(db, enterpriseId) : undefined;
  if (!access || !enterprise) {
    throw notFound('企业');
  }
  return {
    enterpriseId,
    enterpriseName: enterprise.name,
    industryCode: enterprise.industry_code,
    access,
    personnelId: access === 'member' ? await repo.personnelOfUser(db, enterpriseId, ctx.actor.userId) : null,
    levels: levelsOrDefault(await repo.findLevels(db, enterpriseId)),
  };
}

const trace = (ctx: RequestContext) => ({ actor: ctx.actor, requestId: ctx.requestId, clientIp: ctx.clientIp });

const levelOf = (levels: SecretLevel[], code: string): SecretLevel =>
  levels.find((l) => l.code === code) ?? { code, name: code, core: false };

export const coreCodes = (levels: SecretLevel[]): string[] => levels.filter((l) => l.core).map((l) => l.code);

// ── readiness and signing rates ──────────────────────────────────────────────────────────────────

/**
 * Court readiness of the enterprise's points (all, or `pointIds`), from a handful of bulk queries:
 * scope, carriers, agreements in force, trainings, measures, attestations.
 */
export async function readinessOf(
  db: Kysely<DB>,
  enterpriseId: string,
  pointIds?: string[],
): Promise<Map<string, Readiness>> {
  const today = cstToday();
  const [points, pairs, carriers, measures, attestations] = await Promise.all([
    repo.pointFacts(db, enterpriseId, pointIds),
    repo.enterpriseScopePairs(db, enterpriseId, pointIds),
    repo.carrierFacts(db, enterpriseId, pointIds),
    repo.measureFacts(db, enterpriseId, pointIds),
    repo.attestationFacts(db, enterpriseId, pointIds),
  ]);
  // For a page, only the people it names; for the whole register, everyone (one query each).
  const people = pointIds
    ? [
        ...new Set([
          ...pairs.map((p) => p.personnel_id),
          ...carriers.flatMap((c) => (c.custodian_personnel_id ? [c.custodian_personnel_id] : [])),
        ]),
      ]
    : undefined;
  const [signed, trained] = await Promise.all([
    repo.signedPersonnel(db, enterpriseId, 'confidentiality', today, people),
    repo.trainedPersonnel(db, enterpriseId, people),
  ]);
  const facts = new Map<string, ReadinessFacts>();
  for (const p of points) {
    facts.set(p.id, {
      contentChars: Number(p.content_chars),
      hasValueStatement: Number(p.has_value) === 1,
      knowers: [],
      carriers: [],
      attestations: 0,
      linkedMeasuresInPlace: 0,
    });
  }
  for (const pair of pairs) {
    if (pair.status !== 'left') {
      facts.get(pair.secret_point_id)?.knowers.push({
        personnelId: pair.personnel_id,
        signed: signed.has(pair.personnel_id),
        trained: trained.has(pair.personnel_id),
      });
    }
  }
  for (const c of carriers) {
    facts.get(c.secret_point_id)?.carriers.push({
      custodianPersonnelId: c.custodian_personnel_id,
      custodianSigned: c.custodian_personnel_id !== null && signed.has(c.custodian_personnel_id),
    });
  }
  for (const m of measures) {
    const f = facts.get(m.secret_point_id);
    if (f) {
      f.linkedMeasuresInPlace = Number(m.n);
    }
  }
  for (const a of attestations) {
    const f = a.secret_point_id ? facts.get(a.secret_point_id) : undefined;
    if (f) {
      f.attestations = Number(a.n);
    }
  }
  return new Map([...facts].map(([id, f]) => [id, readiness(f)]));
}

export interface SigningRates {
  knowers: number;
  confidentialitySigned: number;
  confidentialityRate: number | null;
  coreKnowers: number;
  nonCompeteSigned: number;
  nonCompeteRate: number | null;
}

async function signingRatesOf(db: Kysely<DB>, enterpriseId: string): Promise<SigningRates> {
  const today = cstToday();
  const [pairs, levels, confidentiality, nonCompete] = await Promise.all([
    repo.enterpriseScopePairs(db, enterpriseId),
    repo.findLevels(db, enterpriseId),
    repo.signedPersonnel(db, enterpriseId, 'confidentiality', today),
    repo.signedPersonnel(db, enterpriseId, 'non_compete', today),
  ]);
  const core = new Set(coreCodes(levelsOrDefault(levels)));
  const knowers = new Set<string>();
  const coreKnowers = new Set<string>();
  for (const pair of pairs) {
    if (pair.status === 'left' || !isLive(pair.point_status)) {
      continue;
    }
    knowers.add(pair.personnel_id);
    if (core.has(pair.level_code)) {
      coreKnowers.add(pair.personnel_id);
    }
  }
  const confidentialitySigned = [...knowers].filter((id) => confidentiality.has(id)).length;
  const nonCompeteSigned = [...coreKnowers].filter((id) => nonCompete.has(id)).length;
  return {
    knowers: knowers.size,
    confidentialitySigned,
    confidentialityRate: rate(confidentialitySigned, knowers.size),
    coreKnowers: coreKnowers.size,
    nonCompeteSigned,
    nonCompeteRate: rate(nonCompeteSigned, coreKnowers.size),
  };
}

/**
 * Signing rates computed from the records: confidentiality agreements in force among the personnel who
 * know any live secret point; non-compete among those who know a core one. For one enterprise, or
 * summed over every enterprise with a register (the plan's survey figures).
 */
export async function signingRates(db: Kysely<DB>, enterpriseId?: string): Promise<SigningRates> {
  if (enterpriseId) {
    return signingRatesOf(db, enterpriseId);
  }
  const total = { knowers: 0, confidentialitySigned: 0, coreKnowers: 0, nonCompeteSigned: 0 };
  for (const id of await repo.enterprisesWithRegister(db)) {
    const r = await signingRatesOf(db, id);
    total.knowers += r.knowers;
    total.confidentialitySigned += r.confidentialitySigned;
    total.coreKnowers += r.coreKnowers;
    total.nonCompeteSigned += r.nonCompeteSigned;
  }
  return {
    ...total,
    confidentialityRate: rate(total.confidentialitySigned, total.knowers),
    nonCompeteRate: rate(total.nonCompeteSigned, total.coreKnowers),
  };
}

export interface SecretSummary {
  enterpriseId: string;
  totalPoints: number;
  byLevel: { levelName: string; core: boolean; count: number }[];
  byStatus: { status: SecretPointStatus; count: number }[];
  signingRates: SigningRates;
  averageReadiness: number | null;
}

/** Aggregates only (no names, no contents, no carriers): what government may see of a register. */
export async function secretSummary(db: Kysely<DB>, enterpriseId: string): Promise<SecretSummary> {
  const [points, levels, rates, scores] = await Promise.all([
    repo.pointFacts(db, enterpriseId),
    repo.findLevels(db, enterpriseId),
    signingRatesOf(db, enterpriseId),
    readinessOf(db, enterpriseId),
  ]);
  const all = levelsOrDefault(levels);
  const byLevel = new Map<string, number>();
  const byStatus = new Map<string, number>();
  const liveScores: number[] = [];
  for (const p of points) {
    byLevel.set(p.level_code, (byLevel.get(p.level_code) ?? 0) + 1);
    byStatus.set(p.status, (byStatus.get(p.status) ?? 0) + 1);
    if (isLive(p.status)) {
      liveScores.push(scores.get(p.id)?.score ?? 0);
    }
  }
  const levelCodes = [...all.map((l) => l.code), ...[...byLevel.keys()].filter((c) => !all.some((l) => l.code === c))];
  return {
    enterpriseId,
    totalPoints: points.length,
    byLevel: levelCodes.map((code) => {
      const level = levelOf(all, code);
      return { levelName: level.name, core: level.core, count: byLevel.get(code) ?? 0 };
    }),
    byStatus: (Object.keys(SECRET_POINT_STATUS_LABELS) as SecretPointStatus[]).map((status) => ({
      status,
      count: byStatus.get(status) ?? 0,
    })),
    signingRates: rates,
    averageReadiness:
      liveScores.length === 0 ? null : Math.round(liveScores.reduce((a, b) => a + b, 0) / liveScores.length),
  };
}

/** The government route: aggregates for a government role whose region covers the enterprise. */
export async function getSecretSummary(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  const enterprise = await repo.findEnterpriseRef(db, enterpriseId);
  const scope = enterpriseScope(ctx.actor);
  if (!enterprise || !inEnterpriseScope(scope, { regionPath: enterprise.region_path, enterpriseId })) {
    throw notFound('企业');
  }
  return secretSummary(db, enterpriseId);
}

// ── the register ─────────────────────────────────────────────────────────────────────────────────

interface PageInput {
  page?: number;
  pageSize?: number;
}

export interface PointListInput extends PageInput {
  q?: string;
  category?: SecretCategory;
  level?: string;
  status?: SecretPointStatus;
  department?: string;
  readinessBelow?: number;
}

function presentListItem(
  row: repo.PointRow,
  levels: SecretLevel[],
  score: Readiness,
  counts: { knowers: number; carriers: number },
) {
  const level = levelOf(levels, row.level_code);
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    category: row.category as SecretCategory,
    levelCode: row.level_code,
    levelName: level.name,
    core: level.core,
    protectedUntil: row.protected_until,
    department: row.department,
    status: row.status as SecretPointStatus,
    knowerCount: counts.knowers,
    carrierCount: counts.carriers,
    readiness: score,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const EMPTY_READINESS: Readiness = { score: 0, properties: { secrecy: 0, value: 0, protection: 0 }, missing: [] };

/** The register: filters, paging, readiness per row. An enterprise user sees only their knowledge scope. */
export async function listRegister(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, input: PointListInput) {
  const register = await openRegister(db, ctx, enterpriseId);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter: repo.PointFilter = {
    q: input.q?.trim() || undefined,
    category: input.category,
    levelCodes: input.level ? [input.level] : undefined,
    status: input.status,
    department: input.department || undefined,
    ...(register.access === 'member' ? { knowerPersonnelId: register.personnelId } : {}),
  };
  let rows: repo.PointRow[];
  let total: number;
  let scores: Map<string, Readiness>;
  if (input.readinessBelow !== undefined) {
    // Readiness is computed, not stored: filter the whole (filtered) register, then page.
    const all = await repo.listPoints(db, enterpriseId, filter, null);
    scores = await readinessOf(db, enterpriseId, all.rows.length > 900 ? undefined : all.rows.map((r) => r.id));
    const below = input.readinessBelow;
    const matching = all.rows.filter((r) => (scores.get(r.id)?.score ?? 0) < below);
    total = matching.length;
    rows = matching.slice((page - 1) * pageSize, page * pageSize);
  } else {
    const result = await repo.listPoints(db, enterpriseId, filter, { offset: (page - 1) * pageSize, limit: pageSize });
    rows = result.rows;
    total = result.total;
    scores = await readinessOf(
      db,
      enterpriseId,
      rows.map((r) => r.id),
    );
  }
  const ids = rows.map((r) => r.id);
  const [scope, carriers] = await Promise.all([repo.scopeOf(db, ids), repo.carrierFacts(db, enterpriseId, ids)]);
  const count = (list: { secret_point_id: string }[], id: string) =>
    list.filter((x) => x.secret_point_id === id).length;
  return {
    items: rows.map((row) =>
      presentListItem(row, register.levels, scores.get(row.id) ?? EMPTY_READINESS, {
        knowers: count(
          scope.filter((s) => s.status !== 'left'),
          row.id,
        ),
        carriers: count(carriers, row.id),
      }),
    ),
    total,
    page,
    pageSize,
    levels: register.levels,
    departments: await repo.departments(db, enterpriseId),
  };
}

/** A point the actor may see (its content's existence), or 404. */
async function visiblePoint(db: Kysely<DB>, register: Register, pointId: string) {
  const point = await repo.findPoint(db, register.enterpriseId, pointId);
  if (!point) {
    throw notFound('秘点');
  }
  const knows = register.access === 'member' ? await repo.inScope(db, pointId, register.personnelId) : true;
  if (!canViewSecretPoint(register.access, knows)) {
    throw notFound('秘点');
  }
  return point;
}

async function requirementTexts(
  db: Kysely<DB>,
  industryCode: string,
): Promise<Map<string, { text: string; clause: string }>> {
  const versionId = await repo.latestStandardVersionId(db, STANDARD_FRAMEWORK_CODE);
  if (!versionId) {
    return new Map();
  }
  const basis = await assessmentBasis(db, versionId, industryCode);
  return new Map(
    (basis?.requirements ?? []).map((r) => [r.code, { text: r.text, clause: `${r.clauseCode} ${r.clauseTitle}` }]),
  );
}

/** The standard's requirements a measure may be linked to (for the enterprise's industry). */
export async function listRequirements(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const map = await requirementTexts(db, register.industryCode);
  return [...map].map(([code, r]) => ({ code, text: r.text, clause: r.clause }));
}

async function presentDetail(db: Kysely<DB>, register: Register, pointId: string, sealer: Sealer) {
  const enterpriseId = register.enterpriseId;
  const point = await repo.findPointSealed(db, enterpriseId, pointId);
  if (!point) {
    throw notFound('秘点');
  }
  const today = cstToday();
  const knowerIds = (await repo.scopeOf(db, [pointId])).map((k) => k.personnel_id);
  const [scores, scope, carriers, measures, events, attestations, confidentiality, nonCompete, trained, requirements] =
    await Promise.all([
      readinessOf(db, enterpriseId, [pointId]),
      repo.scopeOf(db, [pointId]),
      repo.carriersOf(db, [pointId]),
      repo.measuresOf(db, [pointId]),
      repo.eventsOf(db, pointId),
      repo.attestationsOf(db, enterpriseId, [pointId]),
      repo.signedPersonnel(db, enterpriseId, 'confidentiality', today, knowerIds),
      repo.signedPersonnel(db, enterpriseId, 'non_compete', today, knowerIds),
      repo.trainedPersonnel(db, enterpriseId, knowerIds),
      requirementTexts(db, register.industryCode),
    ]);
  const at = (table: string, column: string, rowId: string) => ({ table, column, rowId });
  return {
    ...presentListItem(point, register.levels, scores.get(pointId) ?? EMPTY_READINESS, {
      knowers: scope.filter((s) => s.status !== 'left').length,
      carriers: carriers.filter((c) => c.status === 'held').length,
    }),
    content: sealer.decrypt(point.content_enc, at('secret_points', 'content', pointId)),
    valueStatement: sealer.decryptOptional(point.value_statement_enc, at('secret_points', 'value_statement', pointId)),
    notes: sealer.decryptOptional(point.notes_enc, at('secret_points', 'notes', pointId)),
    confirmedAt: point.confirmed_at,
    knowers: scope.map((s) => ({
      personnelId: s.personnel_id,
      name: s.name,
      department: s.department,
      post: s.post,
      status: s.status as 'active' | 'leaving' | 'left',
      confidentialitySigned: confidentiality.has(s.personnel_id),
      nonCompeteSigned: nonCompete.has(s.personnel_id),
      trained: trained.has(s.personnel_id),
    })),
    carriers: carriers.map((c) => ({
      id: c.id,
      kind: c.kind as 'paper',
      label: c.label,
      location: sealer.decrypt(c.location_enc, at('secret_carriers', 'location', c.id)),
      custodianPersonnelId: c.custodian_personnel_id,
      custodianName: c.custodian_name,
      status: c.status as 'held',
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    })),
    measures: measures.map((m) => ({
      id: m.id,
      requirementCode: m.requirement_code,
      requirementText: m.requirement_code ? (requirements.get(m.requirement_code)?.text ?? null) : null,
      description: sealer.decrypt(m.description_enc, at('secret_measures', 'description', m.id)),
      status: m.status as 'planned',
      createdAt: m.created_at,
      updatedAt: m.updated_at,
    })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as 'created',
      occurredOn: e.occurred_on,
      note: sealer.decryptOptional(e.note_enc, at('secret_events', 'note', e.id)),
      actorName: e.actor_name,
      createdAt: e.created_at,
    })),
    attestations: attestations.map((a) => ({
      id: a.id,
      sha256: a.sha256,
      label: a.label,
      leafIndex: a.leaf_index === null ? null : Number(a.leaf_index),
      createdAt: a.created_at,
    })),
    canManage: register.access === 'admin',
  };
}

export type PointDetail = Awaited<ReturnType<typeof presentDetail>>;

/**
 * Opens a point's content. A core point first needs the actor's acknowledgement of the confidentiality
 * notice (409 `secret_acknowledgement_required` until then). Every successful read is logged.
 */
export async function getPoint(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, pointId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const point = await visiblePoint(db, register, pointId);
  if (levelOf(register.levels, point.level_code).core) {
    const acknowledged = await repo.findAcknowledgement(db, pointId, ctx.actor.userId);
    if (!acknowledged) {
      throw new AppError(
        'secret_acknowledgement_required',
        409,
        `查看核心商密前须确认保密告知：${CONFIDENTIALITY_NOTICE}`,
      );
    }
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const detail = await presentDetail(trx, register, pointId, sealer);
    await repo.logAccess(trx, {
      id: newId(),
      enterprise_id: enterpriseId,
      secret_point_id: pointId,
      user_id: ctx.actor.userId,
      action: 'read',
      at: nowIso(),
    });
    return detail;
  });
}

/** Records the actor's acknowledgement of the confidentiality notice for a point (idempotent, logged). */
export async function acknowledgePoint(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, pointId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  await visiblePoint(db, register, pointId);
  return db.transaction().execute(async (trx) => {
    const existing = await repo.findAcknowledgement(trx, pointId, ctx.actor.userId);
    if (existing) {
      return { acknowledgedAt: existing.at, notice: CONFIDENTIALITY_NOTICE };
    }
    const at = nowIso();
    await repo.insertAcknowledgement(trx, pointId, ctx.actor.userId, at);
    await repo.logAccess(trx, {
      id: newId(),
      enterprise_id: enterpriseId,
      secret_point_id: pointId,
      user_id: ctx.actor.userId,
      action: 'acknowledge',
      at,
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_point.acknowledge',
      entityType: 'secret_point',
      entityId: pointId,
    });
    return { acknowledgedAt: at, notice: CONFIDENTIALITY_NOTICE };
  });
}

function checkLevel(register: Register, code: string): FieldError[] {
  return register.levels.some((l) => l.code === code)
    ? []
    : [
        {
          field: 'levelCode',
          message: `密级「${code}」不存在，可选：${register.levels.map((l) => l.name).join('、')}`,
        },
      ];
}

async function nextNumber(db: Kysely<DB>, enterpriseId: string, reserved: Set<string> = new Set()): Promise<string> {
  const prefix = `MD-${cstToday().slice(0, 4)}-`;
  const used = new Set([...(await repo.numbersLike(db, enterpriseId, prefix)), ...reserved]);
  let n = used.size + 1;
  while (used.has(`${prefix}${String(n).padStart(4, '0')}`)) {
    n += 1;
  }
  return `${prefix}${String(n).padStart(4, '0')}`;
}

async function checkPersonnel(db: Kysely<DB>, enterpriseId: string, ids: string[], field: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  const found = await repo.personnelIdsOf(db, enterpriseId, unique);
  if (found.length !== unique.length) {
    throw invalid([{ field, message: '所选人员不存在或不属于本企业' }]);
  }
  return unique;
}

export interface PointInput {
  name: string;
  category: SecretCategory;
  levelCode: string;
  protectedUntil?: string | null;
  department: string;
  content: string;
  valueStatement?: string | null;
  notes?: string | null;
  personnelIds?: string[];
}

/** Inserts a draft point with its sealed contents and a `created` event (inside the caller's transaction). */
async function insertNewPoint(
  trx: Kysely<DB>,
  ctx: RequestContext,
  register: Register,
  sealer: Sealer,
  input: PointInput & { number?: string },
  reserved?: Set<string>,
): Promise<string> {
  const id = newId();
  const at = nowIso();
  const seal = (column: string, value: string | null | undefined) =>
    sealer.encryptOptional(value?.trim() || null, { table: 'secret_points', column, rowId: id });
  const content = input.content.trim();
  await repo.insertPoint(trx, {
    id,
    enterprise_id: register.enterpriseId,
    number: input.number ?? (await nextNumber(trx, register.enterpriseId, reserved)),
    name: input.name.trim(),
    category: input.category,
    level_code: input.levelCode,
    protected_until: input.protectedUntil ?? null,
    department: input.department.trim(),
    status: 'draft',
    content_enc: sealer.encrypt(content, { table: 'secret_points', column: 'content', rowId: id }),
    value_statement_enc: seal('value_statement', input.valueStatement),
    notes_enc: seal('notes', input.notes),
    content_chars: [...content].length,
    created_by: ctx.actor.userId,
    confirmed_by: null,
    confirmed_at: null,
    created_at: at,
    updated_at: at,
  });
  const knowers = new Set(input.personnelIds ?? []);
  if (register.personnelId) {
    // An enterprise user who registers a point knows it.
    knowers.add(register.personnelId);
  }
  await repo.replaceScope(trx, id, [...knowers], at);
  await repo.insertEvent(trx, {
    id: newId(),
    secret_point_id: id,
    enterprise_id: register.enterpriseId,
    kind: 'created',
    occurred_on: cstToday(),
    note_enc: null,
    actor_id: ctx.actor.userId,
    created_at: at,
  });
  await writeAudit(trx, trace(ctx), {
    action: 'secret_point.create',
    entityType: 'secret_point',
    entityId: id,
    changedFields: ['name', 'category', 'levelCode', 'protectedUntil', 'department', 'content'],
  });
  return id;
}

/** Registers a draft secret point (the admin confirms it later). */
export async function createPoint(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, input: PointInput) {
  const register = await openRegister(db, ctx, enterpriseId);
  const problems = checkLevel(register, input.levelCode);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  if (input.personnelIds) {
    await checkPersonnel(db, enterpriseId, input.personnelIds, 'personnelIds');
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const id = await insertNewPoint(trx, ctx, register, sealer, input);
    return presentDetail(trx, register, id, sealer);
  });
}

export type PointUpdateInput = Partial<Omit<PointInput, 'personnelIds'>>;

/** Changes a live point; content changes are recorded as a `changed` event. Nothing is deleted. */
export async function updatePoint(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  input: PointUpdateInput,
) {
  const register = await openRegister(db, ctx, enterpriseId);
  const point = await visiblePoint(db, register, pointId);
  if (!isLive(point.status)) {
    throw conflict(`秘点${SECRET_POINT_STATUS_LABELS[point.status as SecretPointStatus]}，不能再修改`);
  }
  if (input.levelCode !== undefined) {
    const problems = checkLevel(register, input.levelCode);
    if (problems.length > 0) {
      throw invalid(problems);
    }
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const at = { table: 'secret_points', rowId: pointId };
    const set: Parameters<typeof repo.updatePoint>[2] = { updated_at: nowIso() };
    const changed: string[] = [];
    if (input.name !== undefined) {
      set.name = input.name.trim();
      changed.push('name');
    }
    if (input.category !== undefined) {
      set.category = input.category;
      changed.push('category');
    }
    if (input.levelCode !== undefined) {
      set.level_code = input.levelCode;
      changed.push('levelCode');
    }
    if (input.protectedUntil !== undefined) {
      set.protected_until = input.protectedUntil;
      changed.push('protectedUntil');
    }
    if (input.department !== undefined) {
      set.department = input.department.trim();
      changed.push('department');
    }
    if (input.content !== undefined) {
      const content = input.content.trim();
      set.content_enc = sealer.encrypt(content, { ...at, column: 'content' });
      set.content_chars = [...content].length;
      changed.push('content');
    }
    if (input.valueStatement !== undefined) {
      set.value_statement_enc = sealer.encryptOptional(input.valueStatement?.trim() || null, {
        ...at,
        column: 'value_statement',
      });
      changed.push('valueStatement');
    }
    if (input.notes !== undefined) {
      set.notes_enc = sealer.encryptOptional(input.notes?.trim() || null, { ...at, column: 'notes' });
      changed.push('notes');
    }
    await repo.updatePoint(trx, pointId, set);
    if (changed.length > 0) {
      const eventId = newId();
      await repo.insertEvent(trx, {
        id: eventId,
        secret_point_id: pointId,
        enterprise_id: enterpriseId,
        kind: 'changed',
        occurred_on: cstToday(),
        note_enc: sealer.encrypt(`修改了：${changed.join('、')}`, {
          table: 'secret_events',
          column: 'note',
          rowId: eventId,
        }),
        actor_id: ctx.actor.userId,
        created_at: nowIso(),
      });
      await writeAudit(trx, trace(ctx), {
        action: 'secret_point.update',
        entityType: 'secret_point',
        entityId: pointId,
        changedFields: changed,
      });
    }
    return presentDetail(trx, register, pointId, sealer);
  });
}

const TRANSITIONS: Record<'confirm' | 'declassify' | 'destroy', { from: SecretPointStatus[]; to: SecretPointStatus }> =
  {
    confirm: { from: ['draft'], to: 'confirmed' },
    declassify: { from: ['draft', 'confirmed'], to: 'declassified' },
    destroy: { from: ['draft', 'confirmed', 'declassified'], to: 'destroyed' },
  };

/** Confirm (draft → confirmed), declassify or destroy: the admin's acts, each an event in the point's life. */
export async function changeStatus(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  action: 'confirm' | 'declassify' | 'destroy',
  input: { reason?: string; occurredOn?: string },
) {
  const register = await openRegister(db, ctx, enterpriseId);
  const point = await visiblePoint(db, register, pointId);
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(point.status as SecretPointStatus)) {
    throw conflict(
      `秘点当前为「${SECRET_POINT_STATUS_LABELS[point.status as SecretPointStatus]}」，不能${{ confirm: '确认', declassify: '解密', destroy: '销毁' }[action]}`,
    );
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const at = nowIso();
    await repo.updatePoint(trx, pointId, {
      status: transition.to,
      updated_at: at,
      ...(action === 'confirm' ? { confirmed_by: ctx.actor.userId, confirmed_at: at } : {}),
    });
    const eventId = newId();
    await repo.insertEvent(trx, {
      id: eventId,
      secret_point_id: pointId,
      enterprise_id: enterpriseId,
      kind: action === 'confirm' ? 'confirmed' : action === 'declassify' ? 'declassified' : 'destroyed',
      occurred_on: input.occurredOn ?? cstToday(),
      note_enc: sealer.encryptOptional(input.reason ?? null, {
        table: 'secret_events',
        column: 'note',
        rowId: eventId,
      }),
      actor_id: ctx.actor.userId,
      created_at: at,
    });
    await writeAudit(trx, trace(ctx), {
      action: `secret_point.${action}`,
      entityType: 'secret_point',
      entityId: pointId,
      changedFields: ['status'],
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

/** Replaces the knowledge scope (admin). */
export async function setScope(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  personnelIds: string[],
) {
  const register = await openRegister(db, ctx, enterpriseId);
  await visiblePoint(db, register, pointId);
  const ids = await checkPersonnel(db, enterpriseId, personnelIds, 'personnelIds');
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    await repo.replaceScope(trx, pointId, ids, nowIso());
    await repo.updatePoint(trx, pointId, { updated_at: nowIso() });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_point.scope',
      entityType: 'secret_point',
      entityId: pointId,
      changedFields: ['knowledgeScope'],
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

async function livePoint(db: Kysely<DB>, register: Register, pointId: string) {
  const point = await visiblePoint(db, register, pointId);
  if (!isLive(point.status)) {
    throw conflict(`秘点${SECRET_POINT_STATUS_LABELS[point.status as SecretPointStatus]}，不能再修改`);
  }
  return point;
}

export interface CarrierInput {
  kind?: string;
  label?: string;
  location?: string;
  custodianPersonnelId?: string | null;
  status?: string;
}

export async function addCarrier(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  input: Required<Pick<CarrierInput, 'kind' | 'label' | 'location'>> & CarrierInput,
) {
  const register = await openRegister(db, ctx, enterpriseId);
  await livePoint(db, register, pointId);
  if (input.custodianPersonnelId) {
    await checkPersonnel(db, enterpriseId, [input.custodianPersonnelId], 'custodianPersonnelId');
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const id = newId();
    const at = nowIso();
    await repo.insertCarrier(trx, {
      id,
      secret_point_id: pointId,
      enterprise_id: enterpriseId,
      kind: input.kind,
      label: input.label.trim(),
      location_enc: sealer.encrypt(input.location.trim(), { table: 'secret_carriers', column: 'location', rowId: id }),
      custodian_personnel_id: input.custodianPersonnelId ?? null,
      status: 'held',
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_carrier.create',
      entityType: 'secret_carrier',
      entityId: id,
      changedFields: ['kind', 'label', 'location', 'custodian'],
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

export async function updateCarrier(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  carrierId: string,
  input: CarrierInput,
) {
  const register = await openRegister(db, ctx, enterpriseId);
  await visiblePoint(db, register, pointId);
  const carrier = await repo.findCarrier(db, pointId, carrierId);
  if (!carrier) {
    throw notFound('载体');
  }
  if (input.custodianPersonnelId) {
    await checkPersonnel(db, enterpriseId, [input.custodianPersonnelId], 'custodianPersonnelId');
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const changed = Object.keys(input).filter((k) => input[k as keyof CarrierInput] !== undefined);
    await repo.updateCarrier(trx, carrierId, {
      ...(input.label !== undefined ? { label: input.label.trim() } : {}),
      ...(input.location !== undefined
        ? {
            location_enc: sealer.encrypt(input.location.trim(), {
              table: 'secret_carriers',
              column: 'location',
              rowId: carrierId,
            }),
          }
        : {}),
      ...(input.custodianPersonnelId !== undefined ? { custodian_personnel_id: input.custodianPersonnelId } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      updated_at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_carrier.update',
      entityType: 'secret_carrier',
      entityId: carrierId,
      changedFields: changed,
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

export interface MeasureInput {
  requirementCode?: string | null;
  description?: string;
  status?: string;
}

async function checkRequirement(db: Kysely<DB>, register: Register, code: string | null | undefined) {
  if (!code) {
    return;
  }
  const requirements = await requirementTexts(db, register.industryCode);
  if (!requirements.has(code)) {
    throw invalid([{ field: 'requirementCode', message: `标准中没有要求「${code}」` }]);
  }
}

export async function addMeasure(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  input: MeasureInput & { description: string; status: string },
) {
  const register = await openRegister(db, ctx, enterpriseId);
  await livePoint(db, register, pointId);
  await checkRequirement(db, register, input.requirementCode);
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const id = newId();
    const at = nowIso();
    await repo.insertMeasure(trx, {
      id,
      secret_point_id: pointId,
      enterprise_id: enterpriseId,
      requirement_code: input.requirementCode || null,
      description_enc: sealer.encrypt(input.description.trim(), {
        table: 'secret_measures',
        column: 'description',
        rowId: id,
      }),
      status: input.status,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_measure.create',
      entityType: 'secret_measure',
      entityId: id,
      changedFields: ['requirementCode', 'description', 'status'],
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

export async function updateMeasure(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  measureId: string,
  input: MeasureInput,
) {
  const register = await openRegister(db, ctx, enterpriseId);
  await visiblePoint(db, register, pointId);
  const measure = await repo.findMeasure(db, pointId, measureId);
  if (!measure) {
    throw notFound('保护措施');
  }
  await checkRequirement(db, register, input.requirementCode);
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    await repo.updateMeasure(trx, measureId, {
      ...(input.requirementCode !== undefined ? { requirement_code: input.requirementCode || null } : {}),
      ...(input.description !== undefined
        ? {
            description_enc: sealer.encrypt(input.description.trim(), {
              table: 'secret_measures',
              column: 'description',
              rowId: measureId,
            }),
          }
        : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      updated_at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_measure.update',
      entityType: 'secret_measure',
      entityId: measureId,
      changedFields: Object.keys(input),
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

/** Records a life event by hand: circulated, copied, released, changed. */
export async function addEvent(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  pointId: string,
  input: { kind: string; occurredOn: string; note: string },
) {
  const register = await openRegister(db, ctx, enterpriseId);
  await visiblePoint(db, register, pointId);
  if (input.occurredOn > cstToday()) {
    throw invalid([{ field: 'occurredOn', message: '发生日期不能晚于今天' }]);
  }
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const id = newId();
    await repo.insertEvent(trx, {
      id,
      secret_point_id: pointId,
      enterprise_id: enterpriseId,
      kind: input.kind,
      occurred_on: input.occurredOn,
      note_enc: sealer.encrypt(input.note.trim(), { table: 'secret_events', column: 'note', rowId: id }),
      actor_id: ctx.actor.userId,
      created_at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_event.create',
      entityType: 'secret_point',
      entityId: pointId,
      changedFields: ['events'],
    });
    return presentDetail(trx, register, pointId, sealer);
  });
}

/** The content-access log (admin): who read, acknowledged or exported what, and when. */
export async function listAccessLog(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: PageInput & { pointId?: string; action?: string },
) {
  const register = await openRegister(db, ctx, enterpriseId);
  if (input.pointId) {
    await visiblePoint(db, register, input.pointId);
  }
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { rows, total } = await repo.listAccess(
    db,
    enterpriseId,
    { pointId: input.pointId, action: input.action },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      secretPointId: r.secret_point_id,
      pointNumber: r.point_number,
      pointName: r.point_name,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      action: r.action as 'read',
      at: r.at,
    })),
    total,
    page,
    pageSize,
  };
}

export async function getLevels(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  return (await openRegister(db, ctx, enterpriseId)).levels;
}

/** Configures the enterprise's levels; a level still used by a point cannot be removed. */
export async function setLevels(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, levels: SecretLevel[]) {
  await openRegister(db, ctx, enterpriseId);
  const codes = levels.map((l) => l.code);
  if (new Set(codes).size !== codes.length) {
    throw invalid([{ field: 'levels', message: '密级代码重复' }]);
  }
  if (!levels.some((l) => l.core)) {
    throw invalid([{ field: 'levels', message: '至少需要一个核心密级' }]);
  }
  const inUse = await repo.levelCodesInUse(db, enterpriseId);
  const removed = inUse.filter((c) => !codes.includes(c));
  if (removed.length > 0) {
    throw conflict(`密级「${removed.join('、')}」仍有秘点在用，不能删除`);
  }
  await db.transaction().execute(async (trx) => {
    await repo.replaceLevels(trx, enterpriseId, levels);
    await writeAudit(trx, trace(ctx), {
      action: 'secret_levels.update',
      entityType: 'enterprise',
      entityId: enterpriseId,
      changedFields: ['secretLevels'],
    });
  });
  return levels;
}

// ── what needs attention ─────────────────────────────────────────────────────────────────────────

const LOW_READINESS = 60;

/** The enterprise admin's home card: drafts, weak points, expiring protection, unsigned knowers, overdue steps. */
export async function attention(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const today = cstToday();
  const [points, scores, rates, pairs, signed, overdue, payments] = await Promise.all([
    repo.listPoints(db, enterpriseId, {}, null),
    readinessOf(db, enterpriseId),
    signingRatesOf(db, enterpriseId),
    repo.enterpriseScopePairs(db, enterpriseId),
    repo.signedPersonnel(db, enterpriseId, 'confidentiality', today),
    repo.overdueSteps(db, today, enterpriseId),
    repo.upcomingPayments(db, enterpriseId, addDays(today, 30)),
  ]);
  const live = points.rows.filter((p) => isLive(p.status));
  const liveScores = live.map((p) => ({ p, score: scores.get(p.id)?.score ?? 0 }));
  const livePointIds = new Set(live.map((p) => p.id));
  const unsigned = new Set(
    pairs
      .filter((x) => x.status !== 'left' && livePointIds.has(x.secret_point_id) && !signed.has(x.personnel_id))
      .map((x) => x.personnel_id),
  );
  const people = unsigned.size > 0 ? await repo.listPersonnel(db, enterpriseId, {}, null) : { rows: [] };
  return {
    draftsToConfirm: live.filter((p) => p.status === 'draft').length,
    lowReadiness: liveScores
      .filter((x) => x.score < LOW_READINESS)
      .sort((a, b) => a.score - b.score)
      .slice(0, 5)
      .map(({ p, score }) => ({ id: p.id, number: p.number, name: p.name, score })),
    expiringSoon: live
      .filter((p) => p.protected_until !== null && p.protected_until <= addDays(today, 60))
      .slice(0, 5)
      .map((p) => ({ id: p.id, number: p.number, name: p.name, protectedUntil: p.protected_until ?? '' })),
    unsignedKnowers: people.rows
      .filter((h) => unsigned.has(h.id))
      .slice(0, 10)
      .map((h) => ({ personnelId: h.id, name: h.name })),
    overdueSteps: overdue.slice(0, 10).map((s) => ({
      offboardingId: s.offboarding_id,
      personnelName: s.personnel_name,
      step: s.step as 'exit_interview',
      dueOn: s.due_on,
      highRisk: Number(s.high_risk) === 1,
    })),
    paymentsDue: payments.map((p) => ({
      offboardingId: p.offboarding_id,
      personnelName: p.personnel_name,
      dueOn: p.due_on,
      amount: Number(p.amount_fen) / 100,
    })),
    averageReadiness:
      liveScores.length === 0 ? null : Math.round(liveScores.reduce((a, b) => a + b.score, 0) / liveScores.length),
    signingRates: rates,
    levels: register.levels,
  };
}

// ── import and export ────────────────────────────────────────────────────────────────────────────

export const categoryByLabel = new Map<string, SecretCategory>(
  SECRET_CATEGORIES.map((c) => [SECRET_CATEGORY_LABELS[c], c]),
);

export interface ImportRow {
  row: number;
  input: PointInput;
}

/** Writes validated import rows all together, or none (one transaction). */
export async function importPoints(db: Kysely<DB>, ctx: RequestContext, register: Register, rows: ImportRow[]) {
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, register.enterpriseId);
    const reserved = new Set<string>();
    for (const row of rows) {
      const number = await nextNumber(trx, register.enterpriseId, reserved);
      reserved.add(number);
      await insertNewPoint(trx, ctx, register, sealer, { ...row.input, number }, reserved);
    }
    return rows.length;
  });
}

/** Every point with its decrypted contents, for the enterprise's own export (logged as one export). */
export async function pointsForExport(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  return db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const rows = await repo.listPointsSealed(trx, enterpriseId);
    const scores = await readinessOf(trx, enterpriseId);
    const scope = await repo.scopeOf(
      trx,
      rows.map((r) => r.id),
    );
    await repo.logAccess(trx, {
      id: newId(),
      enterprise_id: enterpriseId,
      secret_point_id: null,
      user_id: ctx.actor.userId,
      action: 'export',
      at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'secret_point.export',
      entityType: 'enterprise',
      entityId: enterpriseId,
    });
    return rows.map((r) => {
      const at = (column: string) => ({ table: 'secret_points', column, rowId: r.id });
      const level = levelOf(register.levels, r.level_code);
      return {
        number: r.number,
        name: r.name,
        category: SECRET_CATEGORY_LABELS[r.category as SecretCategory] ?? r.category,
        level: level.name,
        protectedUntil: r.protected_until ?? '长期',
        department: r.department,
        status: SECRET_POINT_STATUS_LABELS[r.status as SecretPointStatus] ?? r.status,
        content: sealer.decrypt(r.content_enc, at('content')),
        valueStatement: sealer.decryptOptional(r.value_statement_enc, at('value_statement')) ?? '',
        notes: sealer.decryptOptional(r.notes_enc, at('notes')) ?? '',
        knowers: scope
          .filter((s) => s.secret_point_id === r.id)
          .map((s) => s.name)
          .join('、'),
        readiness: scores.get(r.id)?.score ?? 0,
      };
    });
  });
}

import {
  AGREEMENT_KIND_LABELS,
  DECLASSIFICATION_PERIOD_MAX_MONTHS,
  type AgreementKind,
  type OffboardingStep,
  type PersonnelStatus,
  type SecretLevel,
} from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { checkEvidenceFile, readUpload, removeUpload, storeUpload } from '../../lib/files';
import { conflict, invalid, notFound, type FieldError } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { sealerFor } from '../../lib/keyring';
import { writeAudit } from '../audit/index';
import { cstToday } from './secrets.dates';
import { renderReminderLetter } from './secrets.pdf';
import { addMonths, isLive, nonCompeteProblems, offboardingSteps, paymentSchedule } from './secrets.policy';
import * as repo from './secrets.repo';
import { coreCodes, openRegister } from './secrets.service';

const trace = (ctx: RequestContext) => ({ actor: ctx.actor, requestId: ctx.requestId, clientIp: ctx.clientIp });

interface PageInput {
  page?: number;
  pageSize?: number;
}

/** Per-person flags for the list: agreements in force, training, points known (and whether any is core). */
async function personnelFlags(db: Kysely<DB>, enterpriseId: string, levels: SecretLevel[], personnelIds?: string[]) {
  const today = cstToday();
  const [pairs, confidentiality, nonCompete, trained] = await Promise.all([
    repo.enterpriseScopePairs(db, enterpriseId, undefined, personnelIds),
    repo.signedPersonnel(db, enterpriseId, 'confidentiality', today, personnelIds),
    repo.signedPersonnel(db, enterpriseId, 'non_compete', today, personnelIds),
    repo.trainedPersonnel(db, enterpriseId, personnelIds),
  ]);
  const core = new Set(coreCodes(levels));
  const known = new Map<string, { count: number; core: boolean }>();
  for (const p of pairs) {
    if (!isLive(p.point_status)) {
      continue;
    }
    const k = known.get(p.personnel_id) ?? { count: 0, core: false };
    k.count += 1;
    k.core ||= core.has(p.level_code);
    known.set(p.personnel_id, k);
  }
  return (id: string) => ({
    knownPoints: known.get(id)?.count ?? 0,
    knowsCore: known.get(id)?.core ?? false,
    confidentialitySigned: confidentiality.has(id),
    nonCompeteSigned: nonCompete.has(id),
    trained: trained.has(id),
  });
}

type PersonnelRow = Awaited<ReturnType<typeof repo.listPersonnel>>['rows'][number];

function presentPerson(row: PersonnelRow, flags: ReturnType<Awaited<ReturnType<typeof personnelFlags>>>) {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    post: row.post,
    hireDate: row.hire_date,
    status: row.status as PersonnelStatus,
    leftOn: row.left_on,
    userId: row.user_id,
    username: row.username,
    ...flags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPersonnel(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: PageInput & { q?: string; status?: string; department?: string },
) {
  const register = await openRegister(db, ctx, enterpriseId);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { rows, total } = await repo.listPersonnel(
    db,
    enterpriseId,
    { q: input.q?.trim() || undefined, status: input.status, department: input.department || undefined },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  const flags = await personnelFlags(
    db,
    enterpriseId,
    register.levels,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentPerson(r, flags(r.id))), total, page, pageSize };
}

export async function allPersonnelForExport(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const [{ rows }, flags] = await Promise.all([
    repo.listPersonnel(db, enterpriseId, {}, null),
    personnelFlags(db, enterpriseId, register.levels),
  ]);
  return rows.map((r) => presentPerson(r, flags(r.id)));
}

export async function getPersonnel(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, personnelId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const row = await repo.findPersonnel(db, enterpriseId, personnelId);
  if (!row) {
    throw notFound('人员');
  }
  const [flags, trainings, points, carriers, open, sealer] = await Promise.all([
    personnelFlags(db, enterpriseId, register.levels, [personnelId]),
    repo.trainingsOf(db, personnelId),
    repo.pointsKnownBy(db, personnelId),
    repo.carriersHeldBy(db, personnelId),
    repo.openOffboardingOf(db, personnelId),
    sealerFor(db, enterpriseId),
  ]);
  const level = (code: string) => register.levels.find((l) => l.code === code);
  return {
    ...presentPerson(row, flags(row.id)),
    notes: sealer.decryptOptional(row.notes_enc, { table: 'personnel', column: 'notes', rowId: row.id }),
    trainings: trainings.map((t) => ({
      id: t.id,
      trainedOn: t.trained_on,
      topic: t.topic,
      hours: Number(t.hours_tenths) / 10,
      createdAt: t.created_at,
    })),
    points: points.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      levelName: level(p.level_code)?.name ?? p.level_code,
      core: level(p.level_code)?.core ?? false,
      status: p.status,
    })),
    carriersHeld: carriers.length,
    openOffboardingId: open?.id ?? null,
  };
}

async function checkUserLink(
  db: Kysely<DB>,
  enterpriseId: string,
  userId: string | null | undefined,
  exceptId?: string,
) {
  if (!userId) {
    return;
  }
  const user = await repo.userOfEnterprise(db, enterpriseId, userId);
  if (!user) {
    throw invalid([{ field: 'userId', message: '所选账号不存在或不属于本企业' }]);
  }
  if (await repo.personnelLinkedTo(db, enterpriseId, userId, exceptId)) {
    throw conflict(`账号 ${user.username} 已关联其他人员`, [{ field: 'userId', message: '该账号已关联其他人员' }]);
  }
}

export interface PersonnelInput {
  name?: string;
  department?: string;
  post?: string;
  hireDate?: string;
  userId?: string | null;
  notes?: string | null;
}

export async function createPersonnel(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: Required<Pick<PersonnelInput, 'name' | 'department' | 'post' | 'hireDate'>> & PersonnelInput,
) {
  await openRegister(db, ctx, enterpriseId);
  if (input.hireDate > cstToday()) {
    throw invalid([{ field: 'hireDate', message: '入职日期不能晚于今天' }]);
  }
  await checkUserLink(db, enterpriseId, input.userId);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const at = nowIso();
    await repo.insertPersonnel(trx, {
      id,
      enterprise_id: enterpriseId,
      name: input.name.trim(),
      department: input.department.trim(),
      post: input.post.trim(),
      hire_date: input.hireDate,
      status: 'active',
      left_on: null,
      user_id: input.userId ?? null,
      notes_enc: sealer.encryptOptional(input.notes?.trim() || null, {
        table: 'personnel',
        column: 'notes',
        rowId: id,
      }),
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, trace(ctx), {
      action: 'personnel.create',
      entityType: 'personnel',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getPersonnel(db, ctx, enterpriseId, id);
}

export async function updatePersonnel(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  personnelId: string,
  input: PersonnelInput,
) {
  await openRegister(db, ctx, enterpriseId);
  const row = await repo.findPersonnel(db, enterpriseId, personnelId);
  if (!row) {
    throw notFound('人员');
  }
  await checkUserLink(db, enterpriseId, input.userId, personnelId);
  await db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    await repo.updatePersonnel(trx, personnelId, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.department !== undefined ? { department: input.department.trim() } : {}),
      ...(input.post !== undefined ? { post: input.post.trim() } : {}),
      ...(input.hireDate !== undefined ? { hire_date: input.hireDate } : {}),
      ...(input.userId !== undefined ? { user_id: input.userId } : {}),
      ...(input.notes !== undefined
        ? {
            notes_enc: sealer.encryptOptional(input.notes?.trim() || null, {
              table: 'personnel',
              column: 'notes',
              rowId: personnelId,
            }),
          }
        : {}),
      updated_at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'personnel.update',
      entityType: 'personnel',
      entityId: personnelId,
      changedFields: Object.keys(input),
    });
  });
  return getPersonnel(db, ctx, enterpriseId, personnelId);
}

export async function addTraining(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  personnelId: string,
  input: { trainedOn: string; topic: string; hours: number },
) {
  await openRegister(db, ctx, enterpriseId);
  if (!(await repo.findPersonnel(db, enterpriseId, personnelId))) {
    throw notFound('人员');
  }
  if (input.trainedOn > cstToday()) {
    throw invalid([{ field: 'trainedOn', message: '培训日期不能晚于今天' }]);
  }
  await db.transaction().execute(async (trx) => {
    const id = newId();
    await repo.insertTraining(trx, {
      id,
      personnel_id: personnelId,
      enterprise_id: enterpriseId,
      trained_on: input.trainedOn,
      topic: input.topic.trim(),
      hours_tenths: Math.round(input.hours * 10),
      created_by: ctx.actor.userId,
      created_at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'personnel.training',
      entityType: 'personnel',
      entityId: personnelId,
      changedFields: ['trainings'],
    });
  });
  return getPersonnel(db, ctx, enterpriseId, personnelId);
}

// ── agreements ───────────────────────────────────────────────────────────────────────────────────

type AgreementRow = Awaited<ReturnType<typeof repo.listAgreements>>['rows'][number];

function presentAgreement(row: AgreementRow, today: string) {
  return {
    id: row.id,
    personnelId: row.personnel_id,
    personnelName: row.personnel_name,
    personnelDepartment: row.personnel_department,
    kind: row.kind as AgreementKind,
    signedOn: row.signed_on,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    restrictedMonths: row.restricted_months === null ? null : Number(row.restricted_months),
    monthlyCompensation: row.monthly_compensation_fen === null ? null : Number(row.monthly_compensation_fen) / 100,
    documentName: row.document_name,
    documentSize: row.document_size === null ? null : Number(row.document_size),
    status: row.status as 'active' | 'terminated',
    inForce:
      row.status === 'active' &&
      row.effective_from <= today &&
      (row.effective_until === null || row.effective_until >= today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listAgreements(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: PageInput & { q?: string; kind?: string; status?: string; personnelId?: string },
) {
  await openRegister(db, ctx, enterpriseId);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { rows, total } = await repo.listAgreements(
    db,
    enterpriseId,
    { q: input.q?.trim() || undefined, kind: input.kind, status: input.status, personnelId: input.personnelId },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  const today = cstToday();
  return { items: rows.map((r) => presentAgreement(r, today)), total, page, pageSize };
}

export async function allAgreementsForExport(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string) {
  await openRegister(db, ctx, enterpriseId);
  const today = cstToday();
  return (await repo.listAgreements(db, enterpriseId, {}, null)).rows.map((r) => presentAgreement(r, today));
}

export interface AgreementInput {
  personnelId: string;
  kind: AgreementKind;
  signedOn: string;
  effectiveFrom: string;
  effectiveUntil?: string | null;
  restrictedMonths?: number | null;
  monthlyCompensation?: number | null;
}

/** The agreement's rules: dates in order and, for a non-compete, 劳动合同法 第23–24条. */
export function agreementProblems(input: AgreementInput): FieldError[] {
  const problems: FieldError[] = [];
  if (input.effectiveUntil && input.effectiveUntil < input.effectiveFrom) {
    problems.push({ field: 'effectiveUntil', message: '终止日期不能早于生效日期' });
  }
  if (input.kind === 'non_compete') {
    const fen =
      input.monthlyCompensation === undefined || input.monthlyCompensation === null
        ? null
        : Math.round(input.monthlyCompensation * 100);
    problems.push(...nonCompeteProblems(input.restrictedMonths ?? null, fen));
  } else if (input.restrictedMonths || input.monthlyCompensation) {
    problems.push({ field: 'restrictedMonths', message: '限制期限和经济补偿只适用于竞业限制协议' });
  }
  return problems;
}

export async function createAgreement(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: AgreementInput,
) {
  await openRegister(db, ctx, enterpriseId);
  const person = await repo.findPersonnel(db, enterpriseId, input.personnelId);
  if (!person) {
    throw invalid([{ field: 'personnelId', message: '所选人员不存在或不属于本企业' }]);
  }
  const problems = agreementProblems(input);
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    await repo.insertAgreement(trx, {
      id,
      enterprise_id: enterpriseId,
      personnel_id: input.personnelId,
      kind: input.kind,
      signed_on: input.signedOn,
      effective_from: input.effectiveFrom,
      effective_until: input.effectiveUntil ?? null,
      restricted_months: input.kind === 'non_compete' ? (input.restrictedMonths ?? null) : null,
      monthly_compensation_fen:
        input.kind === 'non_compete' && input.monthlyCompensation ? Math.round(input.monthlyCompensation * 100) : null,
      document_name: null,
      document_mime: null,
      document_size: null,
      document_key: null,
      status: 'active',
      created_by: ctx.actor.userId,
      created_at: at,
      updated_at: at,
    });
    await writeAudit(trx, trace(ctx), {
      action: 'agreement.create',
      entityType: 'agreement',
      entityId: id,
      changedFields: Object.keys(input),
    });
  });
  return getAgreement(db, enterpriseId, id);
}

async function getAgreement(db: Kysely<DB>, enterpriseId: string, id: string) {
  const row = await repo.findAgreement(db, enterpriseId, id);
  if (!row) {
    throw notFound('协议');
  }
  return presentAgreement(row, cstToday());
}

export async function terminateAgreement(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  agreementId: string,
  reason: string,
) {
  await openRegister(db, ctx, enterpriseId);
  const row = await repo.findAgreement(db, enterpriseId, agreementId);
  if (!row) {
    throw notFound('协议');
  }
  if (row.status !== 'active') {
    throw conflict('协议已终止');
  }
  await db.transaction().execute(async (trx) => {
    await repo.updateAgreement(trx, agreementId, {
      status: 'terminated',
      effective_until: row.effective_until && row.effective_until < cstToday() ? row.effective_until : cstToday(),
      updated_at: nowIso(),
    });
    await writeAudit(trx, trace(ctx), {
      action: 'agreement.terminate',
      entityType: 'agreement',
      entityId: agreementId,
      changedFields: ['status', `reason:${reason.length}`],
    });
  });
  return getAgreement(db, enterpriseId, agreementId);
}

/** Attaches the signed document; stored encrypted under the enterprise's data key. */
export async function attachAgreementDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  dataDir: string,
  enterpriseId: string,
  agreementId: string,
  file: { fileName: string; data: Buffer },
) {
  await openRegister(db, ctx, enterpriseId);
  const row = await repo.findAgreement(db, enterpriseId, agreementId);
  if (!row) {
    throw notFound('协议');
  }
  const { mimeType } = checkEvidenceFile(file.fileName, file.data);
  const sealer = await sealerFor(db, enterpriseId);
  const sealed = sealer.encryptBytes(file.data, { table: 'agreements', column: 'document', rowId: agreementId });
  const stored = await storeUpload(dataDir, 'agreements', sealed);
  try {
    await db.transaction().execute(async (trx) => {
      await repo.updateAgreement(trx, agreementId, {
        document_name: file.fileName.slice(0, 200),
        document_mime: mimeType,
        document_size: file.data.length,
        document_key: stored.storageKey,
        updated_at: nowIso(),
      });
      await writeAudit(trx, trace(ctx), {
        action: 'agreement.document',
        entityType: 'agreement',
        entityId: agreementId,
        changedFields: ['document'],
      });
    });
  } catch (error) {
    await removeUpload(dataDir, stored.storageKey);
    throw error;
  }
  if (row.document_key) {
    await removeUpload(dataDir, row.document_key);
  }
  return getAgreement(db, enterpriseId, agreementId);
}

export async function agreementDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  dataDir: string,
  enterpriseId: string,
  agreementId: string,
) {
  await openRegister(db, ctx, enterpriseId);
  const row = await repo.findAgreement(db, enterpriseId, agreementId);
  if (!row?.document_key || !row.document_name || !row.document_mime) {
    throw notFound('协议文件');
  }
  const sealed = await readUpload(dataDir, row.document_key);
  if (!sealed) {
    throw notFound('协议文件');
  }
  const sealer = await sealerFor(db, enterpriseId);
  return {
    data: sealer.decryptBytes(sealed, { table: 'agreements', column: 'document', rowId: agreementId }),
    mimeType: row.document_mime,
    fileName: row.document_name,
  };
}

// ── offboarding ──────────────────────────────────────────────────────────────────────────────────

export async function listOffboardings(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: PageInput & { status?: string; highRisk?: boolean },
) {
  await openRegister(db, ctx, enterpriseId);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const { rows, total } = await repo.listOffboardings(
    db,
    enterpriseId,
    { status: input.status, highRisk: input.highRisk },
    { offset: (page - 1) * pageSize, limit: pageSize },
  );
  const today = cstToday();
  const items = [];
  for (const r of rows) {
    const steps = await repo.stepsOf(db, r.id);
    items.push({
      id: r.id,
      personnelId: r.personnel_id,
      personnelName: r.personnel_name,
      personnelDepartment: r.personnel_department,
      leavingOn: r.leaving_on,
      declassificationUntil: r.declassification_until,
      highRisk: Number(r.high_risk) === 1,
      status: r.status as 'open' | 'completed',
      stepsDone: steps.filter((s) => s.done_at !== null).length,
      stepsOverdue: steps.filter((s) => s.done_at === null && s.due_on < today).length,
      createdAt: r.created_at,
      completedAt: r.completed_at,
    });
  }
  return { items, total, page, pageSize };
}

export async function getOffboarding(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, offboardingId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const row = await repo.findOffboarding(db, enterpriseId, offboardingId);
  if (!row) {
    throw notFound('离职办理');
  }
  const today = cstToday();
  const [steps, payments, points, carriers, sealer] = await Promise.all([
    repo.stepsOf(db, offboardingId),
    repo.paymentsOf(db, offboardingId),
    repo.pointsKnownBy(db, row.personnel_id),
    repo.carriersHeldBy(db, row.personnel_id),
    sealerFor(db, enterpriseId),
  ]);
  const core = new Set(coreCodes(register.levels));
  const order = (step: string) =>
    ['carriers_returned', 'access_revoked', 'exit_interview', 'reminder_letter', 'non_compete_activated'].indexOf(step);
  return {
    id: row.id,
    personnelId: row.personnel_id,
    personnelName: row.personnel_name,
    personnelDepartment: row.personnel_department,
    personnelPost: row.personnel_post,
    leavingOn: row.leaving_on,
    declassificationUntil: row.declassification_until,
    highRisk: Number(row.high_risk) === 1,
    nonCompeteAgreementId: row.non_compete_agreement_id,
    status: row.status as 'open' | 'completed',
    stepsDone: steps.filter((s) => s.done_at !== null).length,
    stepsOverdue: steps.filter((s) => s.done_at === null && s.due_on < today).length,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    steps: [...steps]
      .sort((a, b) => order(a.step) - order(b.step))
      .map((s) => ({
        step: s.step as OffboardingStep,
        dueOn: s.due_on,
        doneAt: s.done_at,
        doneByName: s.done_by_name,
        note: sealer.decryptOptional(s.note_enc, {
          table: 'offboarding_steps',
          column: 'note',
          rowId: `${offboardingId}:${s.step}`,
        }),
        overdue: s.done_at === null && s.due_on < today,
      })),
    payments: payments.map((p) => ({
      id: p.id,
      monthIndex: Number(p.month_index),
      dueOn: p.due_on,
      amount: Number(p.amount_fen) / 100,
      paidOn: p.paid_on,
    })),
    knownPoints: points
      .filter((p) => isLive(p.status))
      .map((p) => ({ id: p.id, number: p.number, name: p.name, core: core.has(p.level_code) })),
    carriersHeld: carriers.map((c) => ({ id: c.id, kind: c.kind, label: c.label, pointNumber: c.number })),
  };
}

/**
 * Starts offboarding: the checklist with due dates, the person marked as leaving, and the high-risk flag
 * when they know a live core point. The 脱密期 (if any) ends on or before the leaving day, at most six
 * months from today.
 */
export async function startOffboarding(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  input: { personnelId: string; leavingOn: string; declassificationUntil?: string | null },
) {
  const register = await openRegister(db, ctx, enterpriseId);
  const person = await repo.findPersonnel(db, enterpriseId, input.personnelId);
  if (!person) {
    throw invalid([{ field: 'personnelId', message: '所选人员不存在或不属于本企业' }]);
  }
  if (person.status === 'left') {
    throw conflict(`${person.name} 已离职`);
  }
  if (await repo.openOffboardingOf(db, input.personnelId)) {
    throw conflict(`${person.name} 的离职办理已在进行中`);
  }
  const today = cstToday();
  const problems: FieldError[] = [];
  if (input.declassificationUntil) {
    if (input.declassificationUntil > input.leavingOn) {
      problems.push({ field: 'declassificationUntil', message: '脱密期应在离职日之前结束' });
    }
    if (input.declassificationUntil > addMonths(today, DECLASSIFICATION_PERIOD_MAX_MONTHS)) {
      problems.push({
        field: 'declassificationUntil',
        message: `脱密期一般不超过 ${DECLASSIFICATION_PERIOD_MAX_MONTHS} 个月`,
      });
    }
    if (input.declassificationUntil < today) {
      problems.push({ field: 'declassificationUntil', message: '脱密期结束日不能早于今天' });
    }
  }
  if (problems.length > 0) {
    throw invalid(problems);
  }
  const core = new Set(coreCodes(register.levels));
  const points = await repo.pointsKnownBy(db, input.personnelId);
  const highRisk = points.some((p) => isLive(p.status) && core.has(p.level_code));
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const at = nowIso();
    await repo.insertOffboarding(trx, {
      id,
      enterprise_id: enterpriseId,
      personnel_id: input.personnelId,
      leaving_on: input.leavingOn,
      declassification_until: input.declassificationUntil ?? null,
      high_risk: highRisk ? 1 : 0,
      non_compete_agreement_id: null,
      status: 'open',
      created_by: ctx.actor.userId,
      created_at: at,
      completed_at: null,
    });
    await repo.insertSteps(
      trx,
      offboardingSteps(today).map((s) => ({
        offboarding_id: id,
        step: s.step,
        due_on: s.dueOn,
        done_at: null,
        done_by: null,
        note_enc: null,
        reminded_at: null,
      })),
    );
    await repo.updatePersonnel(trx, input.personnelId, { status: 'leaving', updated_at: at });
    await writeAudit(trx, trace(ctx), {
      action: 'offboarding.start',
      entityType: 'offboarding',
      entityId: id,
      changedFields: ['personnelId', 'leavingOn', 'declassificationUntil', 'highRisk'],
    });
  });
  return getOffboarding(db, ctx, enterpriseId, id);
}

/**
 * Marks a checklist step done. Carriers returned: the person's held carriers become returned.
 * Non-compete activated: with an agreement, the monthly payment schedule is made. When every step is
 * done the offboarding completes and the person has left.
 */
export async function completeStep(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  offboardingId: string,
  step: OffboardingStep,
  input: { note?: string | null; agreementId?: string | null },
) {
  await openRegister(db, ctx, enterpriseId);
  const row = await repo.findOffboarding(db, enterpriseId, offboardingId);
  if (!row) {
    throw notFound('离职办理');
  }
  if (row.status !== 'open') {
    throw conflict('离职办理已完成');
  }
  const steps = await repo.stepsOf(db, offboardingId);
  const current = steps.find((s) => s.step === step);
  if (!current || current.done_at) {
    throw conflict('该步骤已完成');
  }
  let agreement: Awaited<ReturnType<typeof repo.findAgreement>>;
  if (step === 'non_compete_activated' && input.agreementId) {
    agreement = await repo.findAgreement(db, enterpriseId, input.agreementId);
    if (
      !agreement ||
      agreement.personnel_id !== row.personnel_id ||
      agreement.kind !== 'non_compete' ||
      agreement.status !== 'active'
    ) {
      throw invalid([{ field: 'agreementId', message: '请选择该人员有效的竞业限制协议' }]);
    }
  }
  await db.transaction().execute(async (trx) => {
    const sealer = await sealerFor(trx, enterpriseId);
    const at = nowIso();
    await repo.updateStep(trx, offboardingId, step, {
      done_at: at,
      done_by: ctx.actor.userId,
      note_enc: sealer.encryptOptional(input.note?.trim() || null, {
        table: 'offboarding_steps',
        column: 'note',
        rowId: `${offboardingId}:${step}`,
      }),
    });
    if (step === 'carriers_returned') {
      for (const carrier of await repo.carriersHeldBy(trx, row.personnel_id)) {
        await repo.updateCarrier(trx, carrier.id, { status: 'returned', updated_at: at });
      }
    }
    if (agreement) {
      await repo.updateOffboarding(trx, offboardingId, { non_compete_agreement_id: agreement.id });
      await repo.insertPayments(
        trx,
        paymentSchedule(
          row.leaving_on,
          Number(agreement.restricted_months),
          Number(agreement.monthly_compensation_fen),
        ).map((p) => ({
          id: newId(),
          offboarding_id: offboardingId,
          enterprise_id: enterpriseId,
          agreement_id: agreement.id,
          month_index: p.monthIndex,
          due_on: p.dueOn,
          amount_fen: p.amountFen,
          paid_on: null,
        })),
      );
    }
    const remaining = steps.filter((s) => s.step !== step && s.done_at === null);
    if (remaining.length === 0) {
      await repo.updateOffboarding(trx, offboardingId, { status: 'completed', completed_at: at });
      await repo.updatePersonnel(trx, row.personnel_id, { status: 'left', left_on: row.leaving_on, updated_at: at });
    }
    await writeAudit(trx, trace(ctx), {
      action: 'offboarding.step',
      entityType: 'offboarding',
      entityId: offboardingId,
      changedFields: [step],
    });
  });
  return getOffboarding(db, ctx, enterpriseId, offboardingId);
}

export async function markPaymentPaid(
  db: Kysely<DB>,
  ctx: RequestContext,
  enterpriseId: string,
  offboardingId: string,
  paymentId: string,
  paidOn: string,
) {
  await openRegister(db, ctx, enterpriseId);
  if (!(await repo.findOffboarding(db, enterpriseId, offboardingId))) {
    throw notFound('离职办理');
  }
  const payment = await repo.findPayment(db, offboardingId, paymentId);
  if (!payment) {
    throw notFound('补偿支付记录');
  }
  if (payment.paid_on) {
    throw conflict('该期补偿已登记支付');
  }
  if (paidOn > cstToday()) {
    throw invalid([{ field: 'paidOn', message: '支付日期不能晚于今天' }]);
  }
  await db.transaction().execute(async (trx) => {
    await repo.markPaymentPaid(trx, paymentId, paidOn);
    await writeAudit(trx, trace(ctx), {
      action: 'offboarding.payment',
      entityType: 'offboarding',
      entityId: offboardingId,
      changedFields: ['paidOn'],
    });
  });
  return getOffboarding(db, ctx, enterpriseId, offboardingId);
}

/** The reminder letter of obligations (PDF): names the points by number and name only, never content. */
export async function reminderLetter(db: Kysely<DB>, ctx: RequestContext, enterpriseId: string, offboardingId: string) {
  const register = await openRegister(db, ctx, enterpriseId);
  const detail = await getOffboarding(db, ctx, enterpriseId, offboardingId);
  const agreement = detail.nonCompeteAgreementId
    ? await repo.findAgreement(db, enterpriseId, detail.nonCompeteAgreementId)
    : (
        await repo.listAgreements(
          db,
          enterpriseId,
          { personnelId: detail.personnelId, kind: 'non_compete', status: 'active' },
          null,
        )
      ).rows[0];
  const months = agreement?.restricted_months ? Number(agreement.restricted_months) : null;
  const pdf = await renderReminderLetter({
    enterpriseName: register.enterpriseName,
    personName: detail.personnelName,
    department: detail.personnelDepartment,
    post: detail.personnelPost,
    leavingOn: detail.leavingOn,
    declassificationUntil: detail.declassificationUntil,
    points: detail.knownPoints.map((p) => ({ number: p.number, name: p.name })),
    nonCompete:
      agreement && months
        ? {
            restrictedMonths: months,
            monthlyCompensationYuan: Number(agreement.monthly_compensation_fen ?? 0) / 100,
            until: addMonths(detail.leavingOn, months),
          }
        : null,
    issuedOn: cstToday(),
  });
  await db.transaction().execute(async (trx) => {
    await writeAudit(trx, trace(ctx), {
      action: 'offboarding.letter',
      entityType: 'offboarding',
      entityId: offboardingId,
    });
  });
  return { pdf, fileName: `保密义务提醒函-${detail.personnelName}.pdf` };
}

export const AGREEMENT_LABEL = (kind: string): string => AGREEMENT_KIND_LABELS[kind as AgreementKind] ?? kind;

import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, notFound } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { canEditAssessment, canViewAssessment, getAssessment } from '../assessments/index';
import { writeAudit } from '../audit/index';
import * as repo from './attestations.repo';
import { canViewAttestation } from './attestations.policy';
import { presentAttestation } from './attestations.service';

/** Attestations given as evidence for requirements of a self-assessment (issue: attestation). */

async function loadAssessment(db: Kysely<DB>, ctx: RequestContext, id: string) {
  const row = await repo.findAssessmentRecord(db, id);
  if (!row) {
    throw notFound('自评');
  }
  const record = { enterpriseId: row.enterprise_id, regionPath: row.region_path };
  if (!canViewAssessment(ctx.actor, record)) {
    throw notFound('自评');
  }
  return { row, record };
}

/** The evidence list, visible to whoever may see the assessment (its enterprise and its reviewers). */
export async function listAttestationEvidence(db: Kysely<DB>, ctx: RequestContext, assessmentId: string) {
  const { record } = await loadAssessment(db, ctx, assessmentId);
  const evidence = await repo.evidenceOf(db, assessmentId);
  const attestations = new Map(
    (await repo.attestationsByIds(db, [...new Set(evidence.map((e) => e.attestation_id))])).map((a) => [a.id, a]),
  );
  return {
    items: evidence.flatMap((e) => {
      const attestation = attestations.get(e.attestation_id);
      return attestation
        ? [
            {
              id: e.id,
              requirementCode: e.requirement_code,
              attestation: presentAttestation(attestation),
              createdAt: e.created_at,
            },
          ]
        : [];
    }),
    editable: canEditAssessment(ctx.actor, record),
  };
}

/** Whether this requirement may take evidence now (the assessment module decides: status and returned items). */
async function assertEditableRequirement(db: Kysely<DB>, ctx: RequestContext, assessmentId: string, code: string) {
  const detail = await getAssessment(db, ctx, assessmentId);
  if (!detail.requirements.some((r) => r.code === code)) {
    const message = `要求 ${code} 不在本次自评中`;
    throw new AppError('attestation_evidence_requirement', 404, message, [{ field: 'requirementCode', message }]);
  }
  if (!detail.editableCodes.includes(code)) {
    throw new AppError(
      'attestation_evidence_locked',
      409,
      '该要求当前不能修改证据（自评已提交或已通过，或退回时未要求修改此项）',
    );
  }
}

export async function addAttestationEvidence(
  db: Kysely<DB>,
  ctx: RequestContext,
  assessmentId: string,
  input: { requirementCode: string; attestationId: string },
) {
  const { record } = await loadAssessment(db, ctx, assessmentId);
  if (!canEditAssessment(ctx.actor, record)) {
    throw notFound('自评');
  }
  await assertEditableRequirement(db, ctx, assessmentId, input.requirementCode);
  const attestation = await repo.findAttestation(db, input.attestationId);
  if (
    !attestation ||
    !canViewAttestation(ctx.actor, { enterpriseId: attestation.enterprise_id }) ||
    attestation.enterprise_id !== record.enterpriseId
  ) {
    const message = '存证不存在或不属于本企业';
    throw new AppError('attestation_not_found', 404, message, [{ field: 'attestationId', message }]);
  }
  if (await repo.activeEvidenceExists(db, assessmentId, input.requirementCode, input.attestationId)) {
    throw conflict('该存证已是这项要求的证据');
  }
  const at = nowIso();
  const row = {
    id: newId(),
    assessment_id: assessmentId,
    requirement_code: input.requirementCode,
    attestation_id: input.attestationId,
    created_by: ctx.actor.userId,
    created_at: at,
    removed_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertEvidence(trx, row);
    await writeAudit(trx, ctx, {
      action: 'assessment.attestation_evidence_add',
      entityType: 'assessment',
      entityId: assessmentId,
      changedFields: [`attestationEvidence.${input.requirementCode}`],
    });
  });
  return {
    id: row.id,
    requirementCode: row.requirement_code,
    attestation: presentAttestation(attestation),
    createdAt: at,
  };
}

export async function removeAttestationEvidence(
  db: Kysely<DB>,
  ctx: RequestContext,
  assessmentId: string,
  evidenceId: string,
): Promise<void> {
  const { record } = await loadAssessment(db, ctx, assessmentId);
  if (!canEditAssessment(ctx.actor, record)) {
    throw notFound('自评');
  }
  const evidence = await repo.findEvidence(db, assessmentId, evidenceId);
  if (!evidence) {
    throw notFound('证据');
  }
  await assertEditableRequirement(db, ctx, assessmentId, evidence.requirement_code);
  await db.transaction().execute(async (trx) => {
    await repo.removeEvidence(trx, evidenceId, nowIso());
    await writeAudit(trx, ctx, {
      action: 'assessment.attestation_evidence_remove',
      entityType: 'assessment',
      entityId: assessmentId,
      changedFields: [`attestationEvidence.${evidence.requirement_code}`],
    });
  });
}

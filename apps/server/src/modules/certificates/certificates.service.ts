import { CERTIFICATE_DEFAULTS, CERTIFICATE_STATUS_LABELS, type CertificateStatus } from '@shangmi/shared';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { newId, nowIso } from '../../lib/ids';
import { enterpriseScope } from '../../plugins/authz';
import { writeAudit } from '../audit/index';
import { addDays, cstDate, cstDayStartIso, isIsoDate } from './certificates.dates';
import { renderCertificatePdf, verificationUrl } from './certificates.pdf';
import { canRevokeCertificate, canViewCertificate } from './certificates.policy';
import * as repo from './certificates.repo';
/** Prefix of certificate numbers (聊城贯标). A deployment for another city would change it. */
export const CERTIFICATE_NUMBER_PREFIX = 'LCGB';

/** `LCGB-2026-000123`: prefix, year of issue, a six-digit sequence that restarts each year. */
export function formatCertificateNumber(prefix: string, year: string, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export interface IssueCertificateInput {
  assessmentId: string;
  /** The day of issue (YYYY-MM-DD, China Standard Time); today by default. */
  validFrom?: string;
}

/**
 * Issues the conformance certificate for an accepted assessment, inside the caller's transaction
 * (the assessments service calls this when a review accepts every requirement). Valid from the day of
 * issue for CERTIFICATE_DEFAULTS.validDays days, both ends inclusive. Calling it again for the same
 * assessment returns the certificate already issued.
 *
 * The number's sequence is the year's highest + 1, read inside the transaction. Writers are serialised
 * before that read: the audit record is written first, and writeAudit locks the audit chain's head row
 * on PostgreSQL (SQLite has one writer at a time anyway). The unique constraint on `number` remains the
 * final guard.
 */
export async function issueCertificate(
  trx: Kysely<DB>,
  ctx: RequestContext,
  input: IssueCertificateInput,
): Promise<{ id: string; number: string }> {
  const assessment = await repo.findAssessmentForIssue(trx, input.assessmentId);
  if (!assessment) {
    throw new AppError('certificate_assessment_missing', 404, '测评记录不存在，无法发证');
  }
  const existing = await repo.findCertificateIdByAssessment(trx, assessment.id);
  if (existing) {
    return existing;
  }
  const id = newId();
  await writeAudit(trx, ctx, {
    action: 'certificate.issue',
    entityType: 'certificate',
    entityId: id,
    changedFields: ['number', 'validFrom', 'validUntil', 'status'],
  });
  const validFrom = input.validFrom ?? cstDate();
  const year = validFrom.slice(0, 4);
  const prefix = `${CERTIFICATE_NUMBER_PREFIX}-${year}-`;
  const max = await repo.maxNumberWithPrefix(trx, prefix);
  const sequence = max ? Number(max.slice(prefix.length)) + 1 : 1;
  const number = formatCertificateNumber(CERTIFICATE_NUMBER_PREFIX, year, sequence);
  await repo.insertCertificate(trx, {
    id,
    number,
    enterprise_id: assessment.enterprise_id,
    assessment_id: assessment.id,
    standard_version_id: assessment.standard_version_id,
    guide_version_id: assessment.guide_version_id,
    region_id: assessment.region_id,
    industry_code: assessment.industry_code,
    score_bp: assessment.score_bp ?? 0,
    valid_from: validFrom,
    valid_until: addDays(validFrom, CERTIFICATE_DEFAULTS.validDays - 1),
    status: 'valid',
    revoked_at: null,
    revoke_reason: null,
    issued_by: ctx.actor.userId,
    created_at: nowIso(),
  });
  return { id, number };
}

export interface Certificate {
  id: string;
  number: string;
  enterprise: { id: string; name: string; uscc: string };
  regionName: string;
  industryName: string;
  standardVersionLabel: string;
  guideVersionLabel: string | null;
  scoreBp: number;
  validFrom: string;
  validUntil: string;
  status: CertificateStatus;
  revokedAt: string | null;
  revokeReason: string | null;
  assessmentId: string;
  createdAt: string;
}

/** Revoked is stored; expired is computed from the dates (valid_until is the last valid day). */
export function certificateStatus(row: { status: string; valid_until: string }, today: string): CertificateStatus {
  if (row.status === 'revoked') {
    return 'revoked';
  }
  return row.valid_until < today ? 'expired' : 'valid';
}

/** What an assessment shows of the certificate it produced. */
export interface AssessmentCertificate {
  id: string;
  number: string;
  status: CertificateStatus;
}

/**
 * The certificate issued for an assessment, or null if none has been (yet). The caller has already
 * checked that the actor may see the assessment; the certificate belongs to the same enterprise.
 */
export async function certificateForAssessment(
  db: Kysely<DB>,
  assessmentId: string,
): Promise<AssessmentCertificate | null> {
  const row = await repo.findCertificateStatusByAssessment(db, assessmentId);
  return row ? { id: row.id, number: row.number, status: certificateStatus(row, cstDate()) } : null;
}

const versionLabel = (name: string | null, version: string | null): string | null =>
  name === null || version === null ? null : `${name} ${version}`;

function present(row: repo.CertificateRow, today: string): Certificate {
  return {
    id: row.id,
    number: row.number,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name, uscc: row.uscc },
    regionName: row.region_name,
    industryName: row.industry_name ?? row.industry_code,
    standardVersionLabel: versionLabel(row.standard_name, row.standard_version) ?? '',
    guideVersionLabel: versionLabel(row.guide_name, row.guide_version),
    scoreBp: Number(row.score_bp),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    status: certificateStatus(row, today),
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    assessmentId: row.assessment_id,
    createdAt: row.created_at,
  };
}

const record = (row: repo.CertificateRow) => ({ enterpriseId: row.enterprise_id, regionPath: row.region_path });

async function visibleCertificate(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<repo.CertificateRow> {
  const row = await repo.findCertificate(db, id);
  // Not-found and not-allowed look the same, so ids cannot be probed.
  if (!row || !canViewCertificate(ctx.actor, record(row))) {
    throw notFound('证书');
  }
  return row;
}

export interface CertificateListInput {
  page?: number;
  pageSize?: number;
  status?: CertificateStatus;
  regionId?: string;
  industry?: string;
  q?: string;
  heldOn?: string;
}

function heldOnFilter(date: string) {
  if (!isIsoDate(date)) {
    throw invalid([{ field: 'heldOn', message: '日期无效' }], '日期无效');
  }
  return { date, dayAfterStartsAt: cstDayStartIso(addDays(date, 1)) };
}

/** A page of certificates within the actor's reach, newest first. */
export async function listCertificates(db: Kysely<DB>, ctx: RequestContext, input: CertificateListInput) {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const today = cstDate();
  let regionPath: string | undefined;
  if (input.regionId) {
    const region = await repo.findRegionPath(db, input.regionId);
    if (!region) {
      return { items: [], total: 0, page, pageSize };
    }
    regionPath = region.path;
  }
  const { rows, total } = await repo.searchCertificates(
    db,
    {
      today,
      ...(input.status ? { status: input.status } : {}),
      ...(regionPath ? { regionPath } : {}),
      ...(input.industry ? { industry: input.industry } : {}),
      ...(input.q ? { q: input.q.trim() } : {}),
      ...(input.heldOn ? { heldOn: heldOnFilter(input.heldOn) } : {}),
    },
    enterpriseScope(ctx.actor),
    pageSize,
    (page - 1) * pageSize,
  );
  return { items: rows.map((r) => present(r, today)), total, page, pageSize };
}

export async function getCertificate(db: Kysely<DB>, ctx: RequestContext, id: string): Promise<Certificate> {
  return present(await visibleCertificate(db, ctx, id), cstDate());
}

/**
 * Revokes a certificate with a reason (city admin, or county admin of the holder's region). From the
 * day of revocation the holder no longer counts as a conforming enterprise.
 */
export async function revokeCertificate(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  input: { reason: string },
): Promise<Certificate> {
  const reason = input.reason.trim();
  if (reason.length < 2) {
    throw new AppError('validation_failed', 400, '请填写撤销原因', [{ field: 'reason', message: '请填写撤销原因' }]);
  }
  return db.transaction().execute(async (trx) => {
    const row = await visibleCertificate(trx, ctx, id);
    if (!canRevokeCertificate(ctx.actor, record(row))) {
      throw forbidden('只有市级管理员或证书持有企业所在县（市、区）的管理员可以撤销证书');
    }
    if (row.status === 'revoked') {
      throw conflict('该证书已被撤销');
    }
    await writeAudit(trx, ctx, {
      action: 'certificate.revoke',
      entityType: 'certificate',
      entityId: row.id,
      changedFields: ['status', 'revokedAt', 'revokeReason'],
    });
    const updated = await repo.markRevoked(trx, row.id, reason, nowIso());
    if (updated !== 1) {
      throw conflict('该证书已被撤销');
    }
    const fresh = await repo.findCertificate(trx, row.id);
    if (!fresh) {
      throw notFound('证书');
    }
    return present(fresh, cstDate());
  });
}

/** `913715240000000001` → `913715********0001`: enough to compare with a paper copy, not to harvest. */
export function maskUscc(uscc: string): string {
  if (uscc.length <= 10) {
    return '*'.repeat(uscc.length);
  }
  return `${uscc.slice(0, 6)}${'*'.repeat(uscc.length - 10)}${uscc.slice(-4)}`;
}

export interface PublicCertificate {
  number: string;
  holder: string;
  uscc: string;
  standard: string;
  guide: string | null;
  validFrom: string;
  validUntil: string;
  status: CertificateStatus;
  statusLabel: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

/** What anyone may see about a certificate number: holder, standard, validity, and whether it still holds. */
export async function verifyCertificate(db: Kysely<DB>, number: string): Promise<PublicCertificate> {
  const row = await repo.findCertificateByNumber(db, number.trim().toUpperCase());
  if (!row) {
    throw new AppError('certificate_not_found', 404, `未找到编号为 ${number} 的证书，请核对编号`);
  }
  const certificate = present(row, cstDate());
  return {
    number: certificate.number,
    holder: certificate.enterprise.name,
    uscc: maskUscc(certificate.enterprise.uscc),
    standard: certificate.standardVersionLabel,
    guide: certificate.guideVersionLabel,
    validFrom: certificate.validFrom,
    validUntil: certificate.validUntil,
    status: certificate.status,
    statusLabel: CERTIFICATE_STATUS_LABELS[certificate.status],
    revokedAt: certificate.revokedAt,
    revokeReason: certificate.revokeReason,
  };
}

/**
 * Rendering embeds a subset of an 8 MB CJK font and takes a few hundred milliseconds of CPU, so the
 * bytes are kept for the few most recent certificates. The key holds everything printed that can
 * change (status, which turns on revocation or expiry) and the origin the QR code points to.
 */
const PDF_CACHE_SIZE = 32;
const pdfCache = new Map<string, Buffer>();

/** The certificate as a PDF in Chinese, with a QR code to `${origin}/verify/certificates/{number}`. */
export async function certificatePdf(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: string,
  origin: string,
): Promise<{ number: string; pdf: Buffer }> {
  const certificate = present(await visibleCertificate(db, ctx, id), cstDate());
  const url = verificationUrl(origin, certificate.number);
  const key = `${certificate.id}|${certificate.status}|${certificate.revokedAt ?? ''}|${url}`;
  let pdf = pdfCache.get(key);
  if (!pdf) {
    pdf = await renderCertificatePdf(certificate, url);
    pdfCache.set(key, pdf);
    if (pdfCache.size > PDF_CACHE_SIZE) {
      const oldest = pdfCache.keys().next().value;
      if (oldest !== undefined) {
        pdfCache.delete(oldest);
      }
    }
  }
  return { number: certificate.number, pdf };
}

/**
 * The number of distinct enterprises holding a certificate valid on `asOf` (YYYY-MM-DD): issued on or
 * before that day, not yet past valid_until, and not revoked on or before that day. `regionPath`
 * restricts to a region's subtree (the region the certificate was issued in). This is the 贯标企业 count
 * of the programme's targets.
 */
export async function countConformingEnterprises(
  db: Kysely<DB>,
  input: { asOf: string; regionPath?: string },
): Promise<number> {
  return repo.countHolders(db, input.asOf, cstDayStartIso(addDays(input.asOf, 1)), input.regionPath);
}

/** Conforming enterprises on `asOf` per county-level region (regions without any are absent). */
export async function conformingByRegion(db: Kysely<DB>, asOf: string): Promise<{ regionId: string; count: number }[]> {
  return repo.countHoldersByRegion(db, asOf, cstDayStartIso(addDays(asOf, 1)));
}

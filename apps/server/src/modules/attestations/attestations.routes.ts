import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decodeEntry, fromBase64, parseCheckpointBody, parseSignedNote, toBase64, toHex } from '@shangmi/shared';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile, type ExcelColumn } from '../../lib/excel';
import { AppError } from '../../lib/errors';
import { PDF_MIME } from '../../lib/pdf';
import { closePdfWorkers, configurePdfWorkers } from '../../lib/pdf-worker';
import { IdParams, NoContent, Page } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import {
  AttestationBatchInput,
  AttestationBatchResult,
  AttestationEvidenceInput,
  AttestationEvidenceList,
  AttestationEvidenceSchema,
  AttestationExportQuery,
  AttestationInput,
  AttestationListQuery,
  AttestationSchema,
  AttestationWithReceipt,
  ConsistencyProofSchema,
  ConsistencyQuery,
  EntriesQuery,
  EntriesSchema,
  EvidenceParams,
  FileDownload,
  IdempotencyHeaders,
  InclusionProofSchema,
  InclusionQuery,
  LOG_ENTRIES_PAGE_MAX,
  LogText,
  ReceiptSchema,
} from './attestations.schemas';
import {
  attestationReceipt,
  createAttestations,
  exportAttestations,
  listAttestations,
  type Attestation,
} from './attestations.service';
import { renderAttestationPdf } from './attestations.pdf';
import { addAttestationEvidence, listAttestationEvidence, removeAttestationEvidence } from './evidence.service';
import { loadLogSigner } from './log-key';
import { closeTransparencyLog, transparencyLogFor, type TransparencyLog } from './log.service';
import * as logRepo from './log.repo';

const TAGS = ['存证 attestations'];
const LOG_TAGS = ['透明日志 transparency log'];

/** The scheme, host and port the client used (X-Forwarded-* only with trustProxy). */
const requestOrigin = (request: FastifyRequest): string => `${request.protocol}://${request.host}`;

/** The app's transparency log, made on first use (main.ts makes it at start, with the key file). */
export function logOf(app: FastifyInstance, options: { createKey: boolean } = { createKey: false }): TransparencyLog {
  return transparencyLogFor(app.db, () => ({
    signer: loadLogSigner(app.config, { warn: (m) => app.log.warn(m) }, { create: options.createKey }),
    origin: app.config.tlogOrigin,
    logger: app.log,
  }));
}

const EXPORT_COLUMNS: ExcelColumn<Attestation>[] = [
  { header: '日志序号', key: 'leafIndex', width: 12, value: (r) => r.leafIndex },
  { header: '文件名称/说明', key: 'label', width: 36, value: (r) => r.label },
  { header: 'SHA-256', key: 'sha256', width: 70, value: (r) => r.sha256 },
  { header: '存证时间（UTC）', key: 'loggedAt', width: 26, value: (r) => r.loggedAt },
  { header: '存证人', key: 'createdByName', width: 14, value: (r) => r.createdByName },
  { header: '秘密点', key: 'secretPointId', width: 38, value: (r) => r.secretPointId },
];

export const attestationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  configurePdfWorkers({ logger: app.log });
  app.addHook('onClose', closePdfWorkers);
  // Lets the batch being committed finish, refuses what is still queued.
  app.addHook('onClose', async () => closeTransparencyLog(app.db));

  app.post(
    '/api/attestations',
    {
      config: { permission: 'attestation:write' },
      schema: {
        tags: TAGS,
        operationId: 'createAttestation',
        summary: '存证一个文件哈希（浏览器计算 SHA-256，文件不上传）；写入签名检查点后返回回执',
        headers: IdempotencyHeaders,
        body: AttestationInput,
        response: { 201: AttestationWithReceipt },
      },
    },
    async (request, reply) => {
      const result = await createAttestations(app.db, logOf(app), contextOf(request), [request.body], {
        requestKey: request.headers['idempotency-key'] ?? null,
        origin: requestOrigin(request),
        batch: false,
      });
      return reply.code(201).send(result.items[0]!);
    },
  );

  app.post(
    '/api/attestations/batch',
    {
      config: { permission: 'attestation:write' },
      schema: {
        tags: TAGS,
        operationId: 'createAttestationBatch',
        summary: '一次存证多个文件哈希（全部成功或全部不记录），每项返回回执',
        headers: IdempotencyHeaders,
        body: AttestationBatchInput,
        response: { 201: AttestationBatchResult },
      },
    },
    async (request, reply) => {
      const result = await createAttestations(app.db, logOf(app), contextOf(request), request.body.items, {
        requestKey: request.headers['idempotency-key'] ?? null,
        origin: requestOrigin(request),
        batch: true,
      });
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/attestations',
    {
      config: { permission: 'attestation:read' },
      schema: {
        tags: TAGS,
        operationId: 'listAttestations',
        summary: '本企业的存证列表（名称/哈希搜索、秘密点、日期，分页）',
        querystring: AttestationListQuery,
        response: { 200: Page(AttestationSchema) },
      },
    },
    async (request) => listAttestations(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/attestations/export',
    {
      config: { permission: 'attestation:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportAttestations',
        summary: '导出筛选结果为 Excel',
        querystring: AttestationExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const rows = await exportAttestations(app.db, contextOf(request), request.query);
      const buffer = await buildWorkbook('存证', EXPORT_COLUMNS, rows);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(`存证记录-${new Date().toISOString().slice(0, 10)}.xlsx`))
        .send(buffer);
    },
  );

  app.get(
    '/api/attestations/:id',
    {
      config: { permission: 'attestation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getAttestation',
        summary: '存证详情与最新回执（包含证明对应当前检查点）',
        params: IdParams,
        response: { 200: AttestationWithReceipt },
      },
    },
    async (request) =>
      attestationReceipt(app.db, logOf(app), contextOf(request), request.params.id, requestOrigin(request)),
  );

  app.get(
    '/api/attestations/:id/receipt',
    {
      config: { permission: 'attestation:read' },
      schema: {
        tags: TAGS,
        operationId: 'downloadAttestationReceipt',
        summary: '下载回执 JSON（离线核验：npx shangmi verify --receipt）',
        params: IdParams,
        response: { 200: ReceiptSchema },
      },
    },
    async (request, reply) => {
      const { receipt } = await attestationReceipt(
        app.db,
        logOf(app),
        contextOf(request),
        request.params.id,
        requestOrigin(request),
      );
      return reply.header('content-disposition', attachmentName(`存证回执-${receipt.leafIndex}.json`)).send(receipt);
    },
  );

  app.get(
    '/api/attestations/:id/pdf',
    {
      config: { permission: 'attestation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getAttestationPdf',
        summary: '下载存证证书 PDF（含核验二维码）',
        params: IdParams,
        produces: [PDF_MIME],
        response: { 200: FileDownload },
      },
    },
    async (request, reply) => {
      const log = logOf(app);
      const { attestation, receipt } = await attestationReceipt(
        app.db,
        log,
        contextOf(request),
        request.params.id,
        requestOrigin(request),
      );
      const checkpoint = parseCheckpointBody(parseSignedNote(receipt.checkpoint).body);
      const pdf = await renderAttestationPdf({
        enterpriseName: receipt.attester.name,
        sha256: attestation.sha256,
        label: attestation.label,
        loggedAt: receipt.entry.loggedAt,
        leafIndex: receipt.leafIndex,
        treeSize: checkpoint.size,
        rootHash: toBase64(checkpoint.rootHash),
        origin: checkpoint.origin,
        publicKey: receipt.publicKey,
        verifyUrl: receipt.verifyUrl,
      });
      return reply
        .type(PDF_MIME)
        .header('content-disposition', attachmentName(`存证证书-${receipt.leafIndex}.pdf`))
        .send(pdf);
    },
  );

  // ------------------------------------------------------------------------------------------------
  // The public log: anyone may read it (entries reveal no enterprise).

  app.get(
    '/api/log/checkpoint',
    {
      config: { public: true },
      schema: {
        tags: LOG_TAGS,
        operationId: 'getLogCheckpoint',
        summary: '最新签名检查点（C2SP tlog-checkpoint 文本）',
        produces: ['text/plain'],
        response: { 200: LogText },
      },
    },
    async (_request, reply) => {
      const latest = await logOf(app).latest();
      if (!latest) {
        throw new AppError('log_empty', 404, '日志尚无检查点');
      }
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(latest.note);
    },
  );

  app.get(
    '/api/log/public-key',
    {
      config: { public: true },
      schema: {
        tags: LOG_TAGS,
        operationId: 'getLogPublicKey',
        summary: '日志的 note 验证公钥（<名称>+<密钥哈希>+<base64 公钥>）',
        produces: ['text/plain'],
        response: { 200: LogText },
      },
    },
    async (_request, reply) => reply.type('text/plain; charset=utf-8').send(`${logOf(app).signer.verifierKey}\n`),
  );

  app.get(
    '/api/log/proof/inclusion',
    {
      config: { public: true },
      schema: {
        tags: LOG_TAGS,
        operationId: 'getLogInclusionProof',
        summary: '包含证明（RFC 9162 §2.1.3）',
        querystring: InclusionQuery,
        response: { 200: InclusionProofSchema },
      },
    },
    async (request) => {
      const { leafIndex, treeSize } = request.query;
      const proof = await logOf(app).inclusionProof(leafIndex, treeSize);
      return { leafIndex, treeSize, proof: proof.map(toBase64) };
    },
  );

  app.get(
    '/api/log/proof/consistency',
    {
      config: { public: true },
      schema: {
        tags: LOG_TAGS,
        operationId: 'getLogConsistencyProof',
        summary: '一致性证明（RFC 9162 §2.1.4）',
        querystring: ConsistencyQuery,
        response: { 200: ConsistencyProofSchema },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const proof = await logOf(app).consistencyProof(from, to);
      return { from, to, proof: proof.map(toBase64) };
    },
  );

  app.get(
    '/api/log/entries',
    {
      config: { public: true },
      schema: {
        tags: LOG_TAGS,
        operationId: 'getLogEntries',
        summary: `日志条目 [start, end)（每次最多 ${LOG_ENTRIES_PAGE_MAX} 条）`,
        querystring: EntriesQuery,
        response: { 200: EntriesSchema },
      },
    },
    async (request) => {
      const { start } = request.query;
      if (request.query.end <= start) {
        throw new AppError('log_range', 400, 'end 必须大于 start', [{ field: 'end', message: 'end 必须大于 start' }]);
      }
      const size = await logOf(app).size();
      if (start >= size) {
        throw new AppError('log_range', 400, `start 超出范围：当前日志共 ${size} 条`, [
          { field: 'start', message: `start 应小于 ${size}` },
        ]);
      }
      // Bounded: a page is at most LOG_ENTRIES_PAGE_MAX entries and never past the integrated size.
      const end = Math.min(request.query.end, size, start + LOG_ENTRIES_PAGE_MAX);
      const rows = await logRepo.entriesBetween(app.db, start, end);
      return {
        start,
        end,
        entries: rows.map((row) => {
          const decoded = decodeEntry(fromBase64(row.entry));
          return {
            leafIndex: Number(row.leaf_index),
            entry: row.entry,
            sha256: toHex(decoded.fileSha256),
            loggedAt: new Date(decoded.timestampMs).toISOString(),
            commitment: toHex(decoded.commitment),
          };
        }),
      };
    },
  );

  // ------------------------------------------------------------------------------------------------
  // Attestations as evidence in self-assessments (checked with the assessments module's policy).

  app.get(
    '/api/assessments/:id/attestation-evidence',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: TAGS,
        operationId: 'listAssessmentAttestationEvidence',
        summary: '自评中作为证据的存证',
        params: IdParams,
        response: { 200: AttestationEvidenceList },
      },
    },
    async (request) => listAttestationEvidence(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/assessments/:id/attestation-evidence',
    {
      config: { permission: 'attestation:write' },
      schema: {
        tags: TAGS,
        operationId: 'addAssessmentAttestationEvidence',
        summary: '把本企业的存证作为某项要求的证据',
        params: IdParams,
        body: AttestationEvidenceInput,
        response: { 201: AttestationEvidenceSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addAttestationEvidence(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/assessments/:id/attestation-evidence/:evidenceId',
    {
      config: { permission: 'attestation:write' },
      schema: {
        tags: TAGS,
        operationId: 'removeAssessmentAttestationEvidence',
        summary: '移除作为证据的存证（存证本身不受影响）',
        params: EvidenceParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeAttestationEvidence(app.db, contextOf(request), request.params.id, request.params.evidenceId);
      return reply.code(204).send(null);
    },
  );
};

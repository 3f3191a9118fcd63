import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EVIDENCE_LIMITS } from '@shangmi/shared';
import { Type } from 'typebox';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile, type ExcelColumn } from '../../lib/excel';
import { AppError } from '../../lib/errors';
import { sendStoredFile } from '../../lib/files';
import { IdParams, NoContent, Page } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import type { Gap } from '../frameworks/index';
import {
  AnswerBody,
  AnswerParams,
  AnswerSaved,
  AssessmentListQuery,
  AssessmentSchema,
  AssessmentSummarySchema,
  EvidenceParams,
  EvidenceSchema,
  GapSchema,
  GapsQuery,
  LinkBody,
  ReviewBody,
} from './assessments.schemas';
import {
  addEvidenceFile,
  addEvidenceLink,
  answerLabel,
  assessmentGaps,
  evidenceFile,
  getAssessment,
  listAssessments,
  removeEvidence,
  reviewAssessment,
  saveAnswer,
  submitAssessment,
} from './assessments.service';

const TAGS = ['贯标自评 assessments'];
const MEGABYTES = Math.round(EVIDENCE_LIMITS.maxBytes / 1024 / 1024);
const BinaryFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件' });

const GAP_COLUMNS: ExcelColumn<Gap>[] = [
  { header: '要求编号', key: 'code', width: 12, value: (g) => g.code },
  { header: '要求', key: 'text', width: 60, value: (g) => g.text },
  { header: '自评结果', key: 'answer', width: 12, value: (g) => answerLabel(g.answer) },
  { header: '强制性', key: 'mandatory', width: 8, value: (g) => (g.mandatory ? '是' : '否') },
  { header: '权重', key: 'weight', width: 8, value: (g) => g.weight },
  { header: '整改建议', key: 'action', width: 80, value: (g) => g.action },
];

/** Self-assessments: read, autosave answers, evidence, gaps, submit, review. */
export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Only this plugin's evidence upload accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  app.get(
    '/api/assessments',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: TAGS,
        operationId: 'listAssessments',
        summary: '自评列表（企业：本企业；服务站/县级：本辖区；市级：全部）',
        querystring: AssessmentListQuery,
        response: { 200: Page(AssessmentSummarySchema) },
      },
    },
    async (request) => listAssessments(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/assessments/:id',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: TAGS,
        operationId: 'getAssessment',
        summary: '自评详情：冻结的要求、作答、证据、最近一轮审核意见、得分与各轮记录',
        params: IdParams,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => getAssessment(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/api/assessments/:id/answers/:code',
    {
      config: { permission: 'assessment:write' },
      schema: {
        tags: TAGS,
        operationId: 'saveAssessmentAnswer',
        summary: '自动保存一项要求的作答（全部写入或全部不写入）',
        params: AnswerParams,
        body: AnswerBody,
        response: { 200: AnswerSaved },
      },
    },
    async (request) => saveAnswer(app.db, contextOf(request), request.params.id, request.params.code, request.body),
  );

  app.post(
    '/api/assessments/:id/evidence',
    {
      config: { permission: 'assessment:write' },
      schema: {
        tags: TAGS,
        operationId: 'uploadAssessmentEvidence',
        summary: `上传证据文件（multipart/form-data：字段 requirementCode 与 file；≤ ${MEGABYTES} MB；PDF、图片、Office 文档、文本）`,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) {
        throw new AppError(
          'evidence_not_multipart',
          415,
          '请以 multipart/form-data 上传证据（字段 requirementCode 与 file）',
        );
      }
      let requirementCode: string | null = null;
      let file: { fileName: string; data: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
              await part.toBuffer();
              continue;
            }
            file = { fileName: part.filename, data: await part.toBuffer() };
          } else if (part.fieldname === 'requirementCode' && typeof part.value === 'string') {
            requirementCode = part.value.trim();
          }
        }
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw new AppError('upload_too_large', 413, `文件超过 ${MEGABYTES} MB 上限`);
        }
        throw error;
      }
      if (!requirementCode) {
        throw new AppError('evidence_no_requirement', 400, '缺少字段 requirementCode', [
          { field: 'requirementCode', message: '请指明证据对应的要求编号' },
        ]);
      }
      if (!file) {
        throw new AppError('evidence_no_file', 400, '没有收到文件：请在表单字段 file 中上传', [
          { field: 'file', message: '没有收到文件' },
        ]);
      }
      const evidence = await addEvidenceFile(app.db, ctx, app.config.dataDir, request.params.id, {
        requirementCode,
        ...file,
      });
      return reply.code(201).send(evidence);
    },
  );

  app.post(
    '/api/assessments/:id/links',
    {
      config: { permission: 'assessment:write' },
      schema: {
        tags: TAGS,
        operationId: 'linkAssessmentEvidence',
        summary: '以系统内本企业的其他记录作为证据（企业登记、证书、以往自评）',
        params: IdParams,
        body: LinkBody,
        response: { 201: EvidenceSchema },
      },
    },
    async (request, reply) => {
      const evidence = await addEvidenceLink(app.db, contextOf(request), request.params.id, request.body);
      return reply.code(201).send(evidence);
    },
  );

  app.delete(
    '/api/assessments/:id/evidence/:evidenceId',
    {
      config: { permission: 'assessment:write' },
      schema: {
        tags: TAGS,
        operationId: 'removeAssessmentEvidence',
        summary: '移除证据（记录保留）',
        params: EvidenceParams,
        response: { 204: NoContent },
      },
    },
    async (request, reply) => {
      await removeEvidence(app.db, contextOf(request), request.params.id, request.params.evidenceId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/assessments/:id/evidence/:evidenceId/file',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: TAGS,
        operationId: 'downloadAssessmentEvidence',
        summary: '下载证据文件（以附件形式，按存储的类型）',
        params: EvidenceParams,
        produces: ['application/octet-stream'],
        response: { 200: BinaryFile },
      },
    },
    async (request, reply) => {
      const file = await evidenceFile(
        app.db,
        contextOf(request),
        app.config.dataDir,
        request.params.id,
        request.params.evidenceId,
      );
      return sendStoredFile(reply, file);
    },
  );

  app.get(
    '/api/assessments/:id/gaps',
    {
      config: { permission: 'assessment:read' },
      schema: {
        tags: TAGS,
        operationId: 'assessmentGaps',
        summary: '差距清单与整改建议（format=xlsx 导出 Excel）',
        params: IdParams,
        querystring: GapsQuery,
        produces: ['application/json', XLSX_MIME],
        response: { 200: Type.Union([Type.Object({ items: Type.Array(GapSchema) }), XlsxFile]) },
      },
    },
    async (request, reply) => {
      const gaps = await assessmentGaps(app.db, contextOf(request), request.params.id);
      if (request.query.format === 'xlsx') {
        const buffer = await buildWorkbook('差距清单', GAP_COLUMNS, gaps);
        return reply
          .type(XLSX_MIME)
          .header(
            'content-disposition',
            attachmentName(`贯标自评差距清单-${new Date().toISOString().slice(0, 10)}.xlsx`),
          )
          .send(buffer);
      }
      return { items: gaps };
    },
  );

  app.post(
    '/api/assessments/:id/submit',
    {
      config: { permission: 'assessment:submit' },
      schema: {
        tags: TAGS,
        operationId: 'submitAssessment',
        summary: '提交自评（企业管理员；须全部作答；提交后锁定）',
        params: IdParams,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => submitAssessment(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/assessments/:id/review',
    {
      config: { permission: 'assessment:review' },
      schema: {
        tags: TAGS,
        operationId: 'reviewAssessment',
        summary: '逐项审核（通过/退回并附意见）；全部通过且达标时签发证书',
        params: IdParams,
        body: ReviewBody,
        response: { 200: AssessmentSchema },
      },
    },
    async (request) => reviewAssessment(app.db, contextOf(request), request.params.id, request.body),
  );
};

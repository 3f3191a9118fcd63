import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LIMITS } from '@shangmi/shared';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile } from '../../lib/excel';
import { AppError } from '../../lib/errors';
import { contextOf } from '../../plugins/authz';
import { buildTemplate, importRegister } from './secrets.import';
import {
  AccessEntrySchema,
  AccessQuery,
  AcknowledgementSchema,
  AttentionSchema,
  CarrierCreate,
  CarrierParams,
  CarrierUpdate,
  EnterpriseParams,
  EventCreate,
  ImportReportSchema,
  LevelSchema,
  LevelsBody,
  MeasureCreate,
  MeasureParams,
  MeasureUpdate,
  PointCreate,
  PointDetailSchema,
  PointListQuery,
  PointParams,
  PointUpdate,
  RegisterSchema,
  RequirementOptionSchema,
  ScopeBody,
  SecretSummarySchema,
  StatusChangeBody,
  page,
} from './secrets.schemas';
import {
  acknowledgePoint,
  addCarrier,
  addEvent,
  addMeasure,
  attention,
  changeStatus,
  createPoint,
  getLevels,
  getPoint,
  getSecretSummary,
  listAccessLog,
  listRegister,
  listRequirements,
  openRegister,
  pointsForExport,
  setLevels,
  setScope,
  updateCarrier,
  updateMeasure,
  updatePoint,
} from './secrets.service';

const TAGS = ['商业秘密 secrets'];
const BASE = '/api/enterprises/:id/secret-points';
const MEGABYTES = Math.round(LIMITS.importFileBytesMax / 1024 / 1024);

/** Reads the one file of a multipart body (field `file`). */
export async function readUploadedFile(
  request: FastifyRequest,
  tooLarge: new () => Error,
): Promise<{ fileName: string; data: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError('upload_not_multipart', 415, '请以 multipart/form-data 上传文件（字段 file）');
  }
  let file: { fileName: string; data: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname === 'file' && !file) {
          file = { fileName: part.filename, data };
        }
      }
    }
  } catch (error) {
    if (error instanceof tooLarge) {
      throw new AppError('upload_too_large', 413, `文件超过 ${MEGABYTES} MB 上限`);
    }
    throw error;
  }
  if (!file) {
    throw new AppError('upload_no_file', 400, '没有收到文件：请在表单字段 file 中上传', [
      { field: 'file', message: '没有收到文件' },
    ]);
  }
  return file;
}

/** The secret register: points, their carriers, measures, events, scope, access log; import/export; summary. */
export const secretPointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: LIMITS.importFileBytesMax, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  app.get(
    BASE,
    {
      config: { permission: 'secret:read' },
      schema: {
        tags: TAGS,
        operationId: 'listSecretPoints',
        summary: '秘点清单（搜索、类别/密级/状态/部门/完备度筛选、分页；企业普通用户仅见其知悉范围内的秘点）',
        params: EnterpriseParams,
        querystring: PointListQuery,
        response: { 200: RegisterSchema },
      },
    },
    async (request) => listRegister(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    BASE,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'createSecretPoint',
        summary: '登记秘点（草稿，内容加密保存）',
        params: EnterpriseParams,
        body: PointCreate,
        response: { 201: PointDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPoint(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    `${BASE}/export`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'exportSecretPoints',
        summary: '导出秘点清单（含内容，.xlsx；记入访问日志）',
        params: EnterpriseParams,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const rows = await pointsForExport(app.db, contextOf(request), request.params.id);
      type Row = (typeof rows)[number];
      const column = (header: string, key: keyof Row, width = 16) => ({
        header,
        key,
        width,
        value: (r: Row) => r[key],
      });
      const buffer = await buildWorkbook(
        '秘点清单',
        [
          column('编号', 'number', 16),
          column('秘点名称', 'name', 28),
          column('类别', 'category', 12),
          column('密级', 'level', 12),
          column('保密期限', 'protectedUntil', 14),
          column('责任部门', 'department'),
          column('状态', 'status', 10),
          column('具体内容', 'content', 60),
          column('商业价值说明', 'valueStatement', 40),
          column('备注', 'notes', 30),
          column('知悉人员', 'knowers', 30),
          column('完备度', 'readiness', 10),
        ],
        rows,
      );
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName('秘点清单.xlsx'))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.get(
    `${BASE}/import/template`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'downloadSecretPointTemplate',
        summary: '下载秘点导入模板（.xlsx）',
        params: EnterpriseParams,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const register = await openRegister(app.db, contextOf(request), request.params.id);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName('秘点导入模板.xlsx'))
        .send(await buildTemplate(register.levels));
    },
  );

  app.post(
    `${BASE}/import`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'importSecretPoints',
        summary: `导入现有秘点清单（multipart 字段 file；全部通过才导入，否则逐行列出问题；≤ ${MEGABYTES} MB）`,
        params: EnterpriseParams,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReportSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await openRegister(app.db, ctx, request.params.id);
      const file = await readUploadedFile(request, app.multipartErrors.RequestFileTooLargeError);
      return importRegister(app.db, ctx, request.params.id, file.data);
    },
  );

  app.get(
    `${BASE}/:pointId`,
    {
      config: { permission: 'secret:read' },
      schema: {
        tags: TAGS,
        operationId: 'getSecretPoint',
        summary: '秘点详情（解密内容；每次查看记入访问日志；核心商密须先确认保密告知，否则 409）',
        params: PointParams,
        response: { 200: PointDetailSchema },
      },
    },
    async (request) => getPoint(app.db, contextOf(request), request.params.id, request.params.pointId),
  );

  app.patch(
    `${BASE}/:pointId`,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateSecretPoint',
        summary: '修改秘点（记为“变更”事件）',
        params: PointParams,
        body: PointUpdate,
        response: { 200: PointDetailSchema },
      },
    },
    async (request) => updatePoint(app.db, contextOf(request), request.params.id, request.params.pointId, request.body),
  );

  app.post(
    `${BASE}/:pointId/acknowledgement`,
    {
      config: { permission: 'secret:read' },
      schema: {
        tags: TAGS,
        operationId: 'acknowledgeSecretPoint',
        summary: '确认保密告知（首次查看核心商密前；记入访问日志）',
        params: PointParams,
        response: { 200: AcknowledgementSchema },
      },
    },
    async (request) => acknowledgePoint(app.db, contextOf(request), request.params.id, request.params.pointId),
  );

  for (const action of ['confirm', 'declassify', 'destroy'] as const) {
    const labels = { confirm: '确认秘点（草稿 → 已确认）', declassify: '解密秘点', destroy: '销毁秘点（记录保留）' };
    app.post(
      `${BASE}/:pointId/${action}`,
      {
        config: { permission: 'secret:manage' },
        schema: {
          tags: TAGS,
          operationId: `${action}SecretPoint`,
          summary: labels[action],
          params: PointParams,
          body:
            action === 'confirm' ? Type.Optional(Type.Object({}, { additionalProperties: false })) : StatusChangeBody,
          response: { 200: PointDetailSchema },
        },
      },
      async (request) =>
        changeStatus(
          app.db,
          contextOf(request),
          request.params.id,
          request.params.pointId,
          action,
          (request.body ?? {}) as { reason?: string; occurredOn?: string },
        ),
    );
  }

  app.put(
    `${BASE}/:pointId/scope`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'setSecretPointScope',
        summary: '设定知悉范围（可知悉该秘点的人员）',
        params: PointParams,
        body: ScopeBody,
        response: { 200: PointDetailSchema },
      },
    },
    async (request) =>
      setScope(app.db, contextOf(request), request.params.id, request.params.pointId, request.body.personnelIds),
  );

  app.post(
    `${BASE}/:pointId/carriers`,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'addSecretCarrier',
        summary: '登记载体（纸质、电子、实物样品等，存放位置加密保存）',
        params: PointParams,
        body: CarrierCreate,
        response: { 201: PointDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addCarrier(app.db, contextOf(request), request.params.id, request.params.pointId, request.body)),
  );

  app.patch(
    `${BASE}/:pointId/carriers/:carrierId`,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateSecretCarrier',
        summary: '修改载体（位置、保管人、状态：在管/已收回/已销毁）',
        params: CarrierParams,
        body: CarrierUpdate,
        response: { 200: PointDetailSchema },
      },
    },
    async (request) =>
      updateCarrier(
        app.db,
        contextOf(request),
        request.params.id,
        request.params.pointId,
        request.params.carrierId,
        request.body,
      ),
  );

  app.post(
    `${BASE}/:pointId/measures`,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'addSecretMeasure',
        summary: '登记保护措施（关联地方标准的要求编号）',
        params: PointParams,
        body: MeasureCreate,
        response: { 201: PointDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addMeasure(app.db, contextOf(request), request.params.id, request.params.pointId, request.body)),
  );

  app.patch(
    `${BASE}/:pointId/measures/:measureId`,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateSecretMeasure',
        summary: '修改保护措施',
        params: MeasureParams,
        body: MeasureUpdate,
        response: { 200: PointDetailSchema },
      },
    },
    async (request) =>
      updateMeasure(
        app.db,
        contextOf(request),
        request.params.id,
        request.params.pointId,
        request.params.measureId,
        request.body,
      ),
  );

  app.post(
    `${BASE}/:pointId/events`,
    {
      config: { permission: 'secret:write' },
      schema: {
        tags: TAGS,
        operationId: 'addSecretEvent',
        summary: '记录生命周期事件（流转、复制、对外披露、变更）',
        params: PointParams,
        body: EventCreate,
        response: { 201: PointDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addEvent(app.db, contextOf(request), request.params.id, request.params.pointId, request.body)),
  );

  app.get(
    `${BASE}/:pointId/access-log`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'listSecretPointAccess',
        summary: '该秘点的访问日志（谁、何时查看/确认告知）',
        params: PointParams,
        querystring: Type.Omit(AccessQuery, ['pointId']),
        response: { 200: page(AccessEntrySchema) },
      },
    },
    async (request) =>
      listAccessLog(app.db, contextOf(request), request.params.id, {
        ...request.query,
        pointId: request.params.pointId,
      }),
  );

  app.get(
    '/api/enterprises/:id/secret-access-log',
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'listSecretAccess',
        summary: '本企业秘点访问日志',
        params: EnterpriseParams,
        querystring: AccessQuery,
        response: { 200: page(AccessEntrySchema) },
      },
    },
    async (request) => listAccessLog(app.db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/enterprises/:id/secret-levels',
    {
      config: { permission: 'secret:read' },
      schema: {
        tags: TAGS,
        operationId: 'listSecretLevels',
        summary: '本企业的密级设置',
        params: EnterpriseParams,
        response: { 200: Type.Array(LevelSchema) },
      },
    },
    async (request) => getLevels(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/api/enterprises/:id/secret-levels',
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'setSecretLevels',
        summary: '配置本企业的密级（在用的密级不可删除）',
        params: EnterpriseParams,
        body: LevelsBody,
        response: { 200: Type.Array(LevelSchema) },
      },
    },
    async (request) => setLevels(app.db, contextOf(request), request.params.id, request.body.levels),
  );

  app.get(
    '/api/enterprises/:id/secret-requirements',
    {
      config: { permission: 'secret:read' },
      schema: {
        tags: TAGS,
        operationId: 'listSecretRequirements',
        summary: '可关联的地方标准要求（按本企业行业）',
        params: EnterpriseParams,
        response: { 200: Type.Array(RequirementOptionSchema) },
      },
    },
    async (request) => listRequirements(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/enterprises/:id/secret-attention',
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'getSecretAttention',
        summary: '需要关注的事项（待确认、完备度低、即将到期、未签协议、离职逾期、补偿待付）',
        params: EnterpriseParams,
        response: { 200: Type.Object({ ...AttentionSchema.properties, levels: Type.Array(LevelSchema) }) },
      },
    },
    async (request) => attention(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/enterprises/:id/secret-summary',
    {
      config: { permission: 'secret:summary' },
      schema: {
        tags: TAGS,
        operationId: 'getSecretSummary',
        summary: '企业商业秘密概况（仅汇总：按密级和状态计数、签约率、平均完备度；无名称、无内容）',
        params: EnterpriseParams,
        response: { 200: SecretSummarySchema },
      },
    },
    async (request) => getSecretSummary(app.db, contextOf(request), request.params.id),
  );
};

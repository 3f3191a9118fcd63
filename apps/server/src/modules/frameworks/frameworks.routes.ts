import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LIMITS } from '@shangmi/shared';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { attachmentName, XLSX_MIME } from '../../lib/excel';
import { AppError, invalid } from '../../lib/errors';
import { IdParams } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import {
  ContentUpdate,
  ExportQuery,
  FrameworkCreate,
  FrameworkSchema,
  RequirementsQuery,
  RequirementsResponse,
  VersionCreate,
  VersionSchema,
} from './frameworks.schemas';
import {
  createFramework,
  createVersion,
  exportVersion,
  getFramework,
  getVersion,
  importVersion,
  listFrameworks,
  publishVersion,
  retireVersion,
  updateVersionContent,
  versionRequirements,
  type ImportInput,
} from './frameworks.service';

const TAGS = ['贯标 frameworks'];
const MEGABYTES = Math.round(LIMITS.importFileBytesMax / 1024 / 1024);
const VERSION_LABEL = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FileDownload = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'JSON 或 xlsx 文件',
});

export const frameworkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Registered here, not globally: only this plugin's import route accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: LIMITS.importFileBytesMax, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  /** The multipart body of an import: one `file` plus the form fields `version` and optional `baseVersionId`. */
  async function readImport(request: FastifyRequest): Promise<ImportInput> {
    if (!request.isMultipart()) {
      throw new AppError(
        'import_not_multipart',
        415,
        '请以 multipart/form-data 上传 .json 或 .xlsx 文件（字段名 file）',
      );
    }
    const fields = new Map<string, string>();
    let file: { fileName: string; data: Buffer } | null = null;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            await part.toBuffer();
            continue;
          }
          file = { fileName: part.filename, data: await part.toBuffer() };
        } else if (typeof part.value === 'string') {
          fields.set(part.fieldname, part.value.trim());
        }
      }
    } catch (error) {
      if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
        throw new AppError('import_file_too_large', 413, `文件超过 ${MEGABYTES} MB 上限`);
      }
      throw error;
    }
    const errors = [];
    if (!file || file.data.length === 0) {
      errors.push({ field: 'file', message: '没有收到文件：请在表单字段 file 中上传 .json 或 .xlsx 文件' });
    }
    const version = fields.get('version') ?? '';
    if (!VERSION_LABEL.test(version)) {
      errors.push({ field: 'version', message: '请填写版本号（字母、数字、点、下划线或连字符，如 2025.1）' });
    }
    const baseVersionId = fields.get('baseVersionId') || null;
    if (baseVersionId && !UUID.test(baseVersionId)) {
      errors.push({ field: 'baseVersionId', message: '所依据的标准版本 id 格式不正确' });
    }
    if (!file || errors.length > 0) {
      throw invalid(errors);
    }
    return { fileName: file.fileName, data: file.data, version, baseVersionId };
  }

  app.get(
    '/api/frameworks',
    {
      config: { permission: 'framework:read' },
      schema: {
        tags: TAGS,
        operationId: 'listFrameworks',
        summary: '标准与行业指引及其版本',
        response: { 200: Type.Object({ items: Type.Array(FrameworkSchema) }) },
      },
    },
    async (request) => ({ items: await listFrameworks(app.db, contextOf(request)) }),
  );

  app.post(
    '/api/frameworks',
    {
      config: { permission: 'framework:write' },
      schema: {
        tags: TAGS,
        operationId: 'createFramework',
        summary: '新建标准或行业指引',
        body: FrameworkCreate,
        response: { 201: FrameworkSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createFramework(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/api/frameworks/:id',
    {
      config: { permission: 'framework:read' },
      schema: {
        tags: TAGS,
        operationId: 'getFramework',
        summary: '一个标准或行业指引及其版本',
        params: IdParams,
        response: { 200: FrameworkSchema },
      },
    },
    async (request) => getFramework(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/frameworks/:id/versions',
    {
      config: { permission: 'framework:write' },
      schema: {
        tags: TAGS,
        operationId: 'createFrameworkVersion',
        summary: '新建草稿版本（给出内容，或复制已有版本）',
        params: IdParams,
        body: VersionCreate,
        response: { 201: VersionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createVersion(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/frameworks/:id/import',
    {
      config: { permission: 'framework:write' },
      schema: {
        tags: TAGS,
        operationId: 'importFrameworkVersion',
        summary: `导入 .json 或 .xlsx 为新草稿版本（multipart：file、version、可选 baseVersionId；≤ ${MEGABYTES} MB；全部导入或全部不导入）`,
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: VersionSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const input = await readImport(request);
      return reply.code(201).send(await importVersion(app.db, ctx, request.params.id, input));
    },
  );

  app.get(
    '/api/framework-versions/:id',
    {
      config: { permission: 'framework:read' },
      schema: {
        tags: TAGS,
        operationId: 'getFrameworkVersion',
        summary: '框架版本及其内容（章 → 条 → 要求）',
        params: IdParams,
        response: { 200: VersionSchema },
      },
    },
    async (request) => getVersion(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/framework-versions/:id/requirements',
    {
      config: { permission: 'framework:read' },
      schema: {
        tags: TAGS,
        operationId: 'getFrameworkRequirements',
        summary: '某行业企业适用的要求（标准 + 该行业最新发布的行业指引）',
        params: IdParams,
        querystring: RequirementsQuery,
        response: { 200: RequirementsResponse },
      },
    },
    async (request) => versionRequirements(app.db, contextOf(request), request.params.id, request.query.industry),
  );

  app.put(
    '/api/framework-versions/:id/content',
    {
      config: { permission: 'framework:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateFrameworkVersionContent',
        summary: '修改草稿内容（已发布的版本不可修改）',
        params: IdParams,
        body: ContentUpdate,
        response: { 200: VersionSchema },
      },
    },
    async (request) => updateVersionContent(app.db, contextOf(request), request.params.id, request.body.content),
  );

  app.post(
    '/api/framework-versions/:id/publish',
    {
      config: { permission: 'framework:write' },
      schema: {
        tags: TAGS,
        operationId: 'publishFrameworkVersion',
        summary: '发布草稿（先检查内容）',
        params: IdParams,
        response: { 200: VersionSchema },
      },
    },
    async (request) => publishVersion(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/framework-versions/:id/retire',
    {
      config: { permission: 'framework:write' },
      schema: {
        tags: TAGS,
        operationId: 'retireFrameworkVersion',
        summary: '废止已发布的版本（已有自评不受影响）',
        params: IdParams,
        response: { 200: VersionSchema },
      },
    },
    async (request) => retireVersion(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/framework-versions/:id/export',
    {
      config: { permission: 'framework:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportFrameworkVersion',
        summary: '导出为 JSON 或 Excel（可再导入）',
        params: IdParams,
        querystring: ExportQuery,
        produces: ['application/json', XLSX_MIME],
        response: { 200: FileDownload },
      },
    },
    async (request, reply) => {
      const file = await exportVersion(app.db, contextOf(request), request.params.id, request.query.format ?? 'json');
      return reply.type(file.mimeType).header('content-disposition', attachmentName(file.fileName)).send(file.body);
    },
  );
};

import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LIMITS } from '@shangmi/shared';
import { Type } from 'typebox';
import { attachmentName, XLSX_MIME, XlsxFile } from '../../lib/excel';
import { AppError } from '../../lib/errors';
import { contextOf } from '../../plugins/authz';
import {
  buildImportTemplate,
  commitEnterpriseImport,
  getEnterpriseImport,
  startEnterpriseImport,
} from './enterprises.import';
import { ImportAccepted, ImportJobParams, ImportJobSchema } from './enterprises.import.schemas';

const TAGS = ['登记 registry'];
const MEGABYTES = Math.round(LIMITS.importFileBytesMax / 1024 / 1024);

/** Excel import of enterprises: template, upload (validated as a background job), progress, commit. */
export const enterpriseImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Registered here, not globally: only this plugin's routes accept multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: LIMITS.importFileBytesMax, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  // Background jobs still running when the app closes are awaited, so they never outlive the database.
  const running = new Set<Promise<void>>();
  const track = (task: Promise<void>) => {
    running.add(task);
    void task.finally(() => running.delete(task));
  };
  app.addHook('onClose', async () => {
    await Promise.allSettled([...running]);
  });

  app.get(
    '/api/enterprises/import/template',
    {
      config: { permission: 'enterprise:import' },
      schema: {
        tags: TAGS,
        operationId: 'downloadEnterpriseImportTemplate',
        summary: '下载企业导入模板（.xlsx，含下拉选项与说明）',
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const buffer = await buildImportTemplate(app.db, contextOf(request));
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('企业导入模板.xlsx')).send(buffer);
    },
  );

  app.post(
    '/api/enterprises/import',
    {
      config: { permission: 'enterprise:import' },
      schema: {
        tags: TAGS,
        operationId: 'startEnterpriseImport',
        summary: `上传企业名录 .xlsx（multipart/form-data，字段 file，≤ ${MEGABYTES} MB，≤ ${LIMITS.importRowsMax} 行），后台校验`,
        consumes: ['multipart/form-data'],
        response: { 202: ImportAccepted },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) {
        throw new AppError('import_not_multipart', 415, '请以 multipart/form-data 上传 .xlsx 文件（字段名 file）');
      }
      const part = await request.file();
      if (!part || part.fieldname !== 'file') {
        throw new AppError('import_no_file', 400, '没有收到文件：请在表单字段 file 中上传 .xlsx 文件');
      }
      let data: Buffer;
      try {
        data = await part.toBuffer();
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw new AppError('import_file_too_large', 413, `文件超过 ${MEGABYTES} MB 上限，请拆分后分批导入`);
        }
        throw error;
      }
      const { jobId, task } = await startEnterpriseImport(app.db, ctx, { fileName: part.filename, data }, request.log);
      track(task);
      return reply.code(202).send({ jobId });
    },
  );

  app.get(
    '/api/enterprises/import/:jobId',
    {
      config: { permission: 'enterprise:import' },
      schema: {
        tags: TAGS,
        operationId: 'getEnterpriseImport',
        summary: '导入任务的进度与逐行校验结果（仅上传者或市级管理员可见）',
        params: ImportJobParams,
        response: { 200: ImportJobSchema },
      },
    },
    async (request) => getEnterpriseImport(app.db, contextOf(request), request.params.jobId),
  );

  app.post(
    '/api/enterprises/import/:jobId/commit',
    {
      config: { permission: 'enterprise:import' },
      schema: {
        tags: TAGS,
        operationId: 'commitEnterpriseImport',
        summary: '确认导入校验通过的行（全部导入或全部不导入），后台执行',
        params: ImportJobParams,
        response: { 202: Type.Object({ jobId: Type.String() }) },
      },
    },
    async (request, reply) => {
      const { task } = await commitEnterpriseImport(app.db, contextOf(request), request.params.jobId, request.log);
      track(task);
      return reply.code(202).send({ jobId: request.params.jobId });
    },
  );
};

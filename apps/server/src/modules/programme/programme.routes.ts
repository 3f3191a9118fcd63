import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EVIDENCE_LIMITS, WORK_ITEM_STATUS_LABELS } from '@shangmi/shared';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile, type ExcelColumn } from '../../lib/excel';
import { sendStoredFile } from '../../lib/files';
import { PDF_MIME, PdfFile } from '../../lib/pdf';
import { IdParams, Page, PageQuery } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { ProgrammeDocumentSchema } from './programme.document';
import {
  createRound,
  getIndicators,
  getRoundResults,
  listRounds,
  publishRound,
  recomputeRound,
  saveIndicators,
  setManualScore,
  type RoundResults,
} from './programme.evaluation';
import { computeProgress, progressSeries } from './programme.progress';
import { programmeReport } from './programme.report';
import {
  AllocationBody,
  AllocationSchema,
  AttachmentParams,
  DecisionItemsBody,
  DecisionParams,
  IndicatorsBody,
  IndicatorTreeSchema,
  InspectionCreate,
  InspectionListQuery,
  InspectionSchema,
  ManualScoreBody,
  MeetingCreate,
  MeetingSchema,
  ProgrammeDetailSchema,
  ProgrammeSummarySchema,
  ProgressQuery,
  ProgressSchema,
  ProgressSeriesSchema,
  ReportBody,
  ReportCreated,
  ReportParams,
  ReportQuery,
  RoundCreate,
  RoundResultsSchema,
  RoundSchema,
  SeriesQuery,
  WorkItemAttachmentSchema,
  WorkItemCreate,
  WorkItemDetailSchema,
  WorkItemListQuery,
  WorkItemSchema,
  WorkItemUpdate,
} from './programme.schemas';
import {
  exportProgramme,
  getAllocation,
  getProgramme,
  importProgrammeForActor,
  listProgrammes,
  saveAllocation,
} from './programme.service';
import {
  addReportAttachment,
  allWorkItems,
  createInspection,
  createMeeting,
  createWorkItem,
  getMeeting,
  getWorkItem,
  listInspections,
  listMeetings,
  listWorkItems,
  readAttachment,
  reportOnWorkItem,
  updateWorkItem,
  workItemsFromDecision,
  type WorkItem,
} from './programme.workitems';

const TAGS = ['工作方案 programme'];
const MEGABYTES = Math.round(EVIDENCE_LIMITS.maxBytes / 1024 / 1024);
const JsonFile = Type.Ref('ProgrammeDocument');

const WORK_ITEM_COLUMNS: ExcelColumn<WorkItem>[] = [
  { header: '重点任务', key: 'task', width: 30, value: (w) => w.taskTitle ?? '' },
  { header: '工作事项', key: 'title', width: 40, value: (w) => w.title },
  { header: '责任单位', key: 'owner', width: 24, value: (w) => w.ownerName },
  { header: '配合单位', key: 'partners', width: 30, value: (w) => w.partners.map((p) => p.name).join('、') },
  { header: '完成时限', key: 'deadline', width: 12, value: (w) => w.deadline },
  { header: '状态', key: 'status', width: 10, value: (w) => WORK_ITEM_STATUS_LABELS[w.displayStatus] },
  { header: '完成日期', key: 'completedOn', width: 12, value: (w) => w.completedOn ?? '' },
];

function resultColumns(results: RoundResults): ExcelColumn<RoundResults['results'][number]>[] {
  const leaves = results.indicators.filter((i) => i.method !== null);
  return [
    { header: '排名', key: 'rank', width: 6, value: (r) => r.rank },
    { header: '区域', key: 'name', width: 24, value: (r) => r.name },
    { header: '总分', key: 'total', width: 8, value: (r) => r.total },
    ...leaves.map((leaf, index) => ({
      header: `${leaf.code} ${leaf.name}（${leaf.weight}分）`,
      key: `i${index}`,
      width: 18,
      value: (r: RoundResults['results'][number]) => r.scores.find((s) => s.indicatorId === leaf.id)?.score ?? null,
    })),
    { header: '评分完整', key: 'complete', width: 10, value: (r) => (r.complete ? '是' : '否（有待人工评分指标）') },
  ];
}

/** The programme: plan as data, allocation, progress, responsibility list, task force meetings, inspections, evaluation. */
export const programmeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: 1, fields: 2, parts: 3, headerPairs: 100 },
  });
  for (const schema of [
    ProgrammeDocumentSchema,
    ProgrammeSummarySchema,
    ProgrammeDetailSchema,
    AllocationSchema,
    ProgressSchema,
    ProgressSeriesSchema,
    WorkItemSchema,
    WorkItemAttachmentSchema,
    WorkItemDetailSchema,
    MeetingSchema,
    InspectionSchema,
    IndicatorTreeSchema,
    RoundSchema,
    RoundResultsSchema,
  ]) {
    app.addSchema(schema);
  }

  app.get(
    '/api/programmes',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'listProgrammes',
        summary: '工作方案列表（一个部署可有多个方案，如全省各市）',
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('ProgrammeSummary')) }) },
      },
    },
    async (request) => listProgrammes(app.db, contextOf(request)),
  );

  app.post(
    '/api/programmes/import',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'importProgramme',
        summary:
          '导入工作方案（JSON：目标、节点、重点任务与责任单位、实施步骤、保障措施、工作专班、任务分解、考核指标）',
        body: ProgrammeDocumentSchema,
        response: { 201: Type.Ref('ProgrammeDetail') },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await importProgrammeForActor(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/api/programmes/:id',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'getProgramme',
        summary: '工作方案全文数据：目标、节点目标、重点任务、实施步骤、保障措施、工作专班',
        params: IdParams,
        response: { 200: Type.Ref('ProgrammeDetail') },
      },
    },
    async (request) => getProgramme(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/programmes/:id/export',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportProgramme',
        summary: '导出工作方案（JSON，可在其他城市或省级部署导入）',
        params: IdParams,
        response: { 200: JsonFile },
      },
    },
    async (request, reply) => {
      const doc = await exportProgramme(app.db, contextOf(request), request.params.id);
      return reply.header('content-disposition', attachmentName(`${doc.title}.json`)).send(doc);
    },
  );

  app.get(
    '/api/programmes/:id/allocation',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'getAllocation',
        summary: '目标任务分解到县（市、区）和开发区，及与全市目标不一致之处',
        params: IdParams,
        response: { 200: Type.Ref('Allocation') },
      },
    },
    async (request) => getAllocation(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/api/programmes/:id/allocation',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'saveAllocation',
        summary: '保存目标任务分解（各部分之和与全市目标不一致时照常保存，并返回不一致之处）',
        params: IdParams,
        body: AllocationBody,
        response: { 200: Type.Ref('Allocation') },
      },
    },
    async (request) => saveAllocation(app.db, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/programmes/:id/progress',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'getProgress',
        summary: '某日的进度（由授牌与有效贯标证书计算）：各类目标与实际、节点目标是否达成、各区域分解/实际/进度状态',
        params: IdParams,
        querystring: ProgressQuery,
        response: { 200: Type.Ref('Progress') },
      },
    },
    async (request) => computeProgress(app.db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/programmes/:id/progress/series',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'getProgressSeries',
        summary: '累计完成数随时间变化（每月末）与节点目标线',
        params: IdParams,
        querystring: SeriesQuery,
        response: { 200: Type.Ref('ProgressSeries') },
      },
    },
    async (request) => progressSeries(app.db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/programmes/:id/report.pdf',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'programmeReportPdf',
        summary: '工作方案推进情况报告（PDF，含图表）',
        params: IdParams,
        querystring: ReportQuery,
        produces: [PDF_MIME],
        response: { 200: PdfFile },
      },
    },
    async (request, reply) => {
      const { fileName, pdf } = await programmeReport(app.db, contextOf(request), request.params.id, request.query);
      return reply.type(PDF_MIME).header('content-disposition', attachmentName(fileName)).send(pdf);
    },
  );

  // ---------- responsibility list ----------

  app.get(
    '/api/programmes/:id/work-items',
    {
      config: { permission: 'workitem:read' },
      schema: {
        tags: TAGS,
        operationId: 'listWorkItems',
        summary: '责任清单（市级：全部；县级：本辖区；部门：本单位）',
        params: IdParams,
        querystring: WorkItemListQuery,
        response: { 200: Page(Type.Ref('WorkItem')) },
      },
    },
    async (request) => listWorkItems(app.db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/programmes/:id/work-items.xlsx',
    {
      config: { permission: 'workitem:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportWorkItems',
        summary: '导出责任清单（Excel）',
        params: IdParams,
        querystring: WorkItemListQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const items = await allWorkItems(app.db, contextOf(request), request.params.id, request.query);
      const buffer = await buildWorkbook('责任清单', WORK_ITEM_COLUMNS, items);
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('责任清单.xlsx')).send(buffer);
    },
  );

  app.post(
    '/api/programmes/:id/work-items',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'createWorkItem',
        summary: '新增工作事项（责任单位、配合单位、完成时限）',
        params: IdParams,
        body: WorkItemCreate,
        response: { 201: Type.Ref('WorkItemDetail') },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWorkItem(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/work-items/:id',
    {
      config: { permission: 'workitem:read' },
      schema: {
        tags: TAGS,
        operationId: 'getWorkItem',
        summary: '工作事项详情与进展报告',
        params: IdParams,
        response: { 200: Type.Ref('WorkItemDetail') },
      },
    },
    async (request) => getWorkItem(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/work-items/:id',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateWorkItem',
        summary: '修改工作事项（新的完成时限会重新启用逾期提醒）',
        params: IdParams,
        body: WorkItemUpdate,
        response: { 200: Type.Ref('WorkItemDetail') },
      },
    },
    async (request) => updateWorkItem(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/work-items/:id/reports',
    {
      config: { permission: 'workitem:report' },
      schema: {
        tags: TAGS,
        operationId: 'reportWorkItem',
        summary: '责任单位报送进展并更新状态',
        params: IdParams,
        body: ReportBody,
        response: { 201: ReportCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await reportOnWorkItem(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/work-items/:id/reports/:reportId/attachments',
    {
      config: { permission: 'workitem:report' },
      schema: {
        tags: TAGS,
        operationId: 'uploadWorkItemAttachment',
        summary: `为进展报告上传附件（multipart/form-data：字段 file；≤ ${MEGABYTES} MB；PDF、图片、Office 文档、文本）`,
        params: ReportParams,
        consumes: ['multipart/form-data'],
        response: { 201: Type.Ref('WorkItemAttachment') },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) {
        throw new AppError('attachment_not_multipart', 415, '请以 multipart/form-data 上传附件（字段 file）');
      }
      let file: { fileName: string; data: Buffer } | null = null;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || file) {
              await part.toBuffer();
              continue;
            }
            file = { fileName: part.filename, data: await part.toBuffer() };
          }
        }
      } catch (error) {
        if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
          throw new AppError('upload_too_large', 413, `文件超过 ${MEGABYTES} MB 上限`);
        }
        throw error;
      }
      if (!file) {
        throw new AppError('attachment_no_file', 400, '没有收到文件：请在表单字段 file 中上传', [
          { field: 'file', message: '没有收到文件' },
        ]);
      }
      const attachment = await addReportAttachment(
        app.db,
        ctx,
        app.config.dataDir,
        request.params.id,
        request.params.reportId,
        file,
      );
      return reply.code(201).send(attachment);
    },
  );

  app.get(
    '/api/work-items/:id/attachments/:attachmentId',
    {
      config: { permission: 'workitem:read' },
      schema: {
        tags: TAGS,
        operationId: 'downloadWorkItemAttachment',
        summary: '下载进展报告附件',
        params: AttachmentParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '附件' }) },
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await readAttachment(
          app.db,
          contextOf(request),
          app.config.dataDir,
          request.params.id,
          request.params.attachmentId,
        ),
      ),
  );

  // ---------- task force meetings ----------

  app.get(
    '/api/programmes/:id/meetings',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'listMeetings',
        summary: '工作专班会商记录',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: Page(Type.Ref('Meeting')) },
      },
    },
    async (request) => listMeetings(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/programmes/:id/meetings',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'createMeeting',
        summary: '记录会商（日期、参会人员、议题、纪要、议定事项）',
        params: IdParams,
        body: MeetingCreate,
        response: { 201: Type.Ref('Meeting') },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMeeting(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/meetings/:id',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'getMeeting',
        summary: '会商详情',
        params: IdParams,
        response: { 200: Type.Ref('Meeting') },
      },
    },
    async (request) => getMeeting(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/meetings/:id/decisions/:position/work-items',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'workItemsFromDecision',
        summary: '将会商议定事项转为责任清单中的工作事项',
        params: DecisionParams,
        body: DecisionItemsBody,
        response: { 201: Type.Object({ items: Type.Array(Type.Ref('WorkItemDetail')) }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await workItemsFromDecision(
            app.db,
            contextOf(request),
            request.params.id,
            request.params.position,
            request.body,
          ),
        ),
  );

  // ---------- inspections ----------

  app.get(
    '/api/programmes/:id/inspections',
    {
      config: { permission: 'programme:read' },
      schema: {
        tags: TAGS,
        operationId: 'listInspections',
        summary: '督查记录（区域或工作事项）',
        params: IdParams,
        querystring: InspectionListQuery,
        response: { 200: Page(Type.Ref('Inspection')) },
      },
    },
    async (request) => listInspections(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/programmes/:id/inspections',
    {
      config: { permission: 'programme:write' },
      schema: {
        tags: TAGS,
        operationId: 'createInspection',
        summary: '记录督查（对区域或工作事项）',
        params: IdParams,
        body: InspectionCreate,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createInspection(app.db, contextOf(request), request.params.id, request.body)),
  );

  // ---------- evaluation ----------

  app.get(
    '/api/programmes/:id/indicators',
    {
      config: { permission: 'evaluation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getIndicators',
        summary: '考核指标体系（指标树、分值、计分方式）',
        params: IdParams,
        response: { 200: Type.Ref('IndicatorTree') },
      },
    },
    async (request) => getIndicators(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/api/programmes/:id/indicators',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags: TAGS,
        operationId: 'saveIndicators',
        summary: '修改考核指标体系（尚无考核轮次时）',
        params: IdParams,
        body: IndicatorsBody,
        response: { 200: Type.Ref('IndicatorTree') },
      },
    },
    async (request) => saveIndicators(app.db, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/programmes/:id/evaluation-rounds',
    {
      config: { permission: 'evaluation:read' },
      schema: {
        tags: TAGS,
        operationId: 'listEvaluationRounds',
        summary: '考核轮次',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('EvaluationRound')) }) },
      },
    },
    async (request) => listRounds(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/programmes/:id/evaluation-rounds',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags: TAGS,
        operationId: 'createEvaluationRound',
        summary: '开启考核轮次（自动指标即时计分）',
        params: IdParams,
        body: RoundCreate,
        response: { 201: Type.Ref('EvaluationResults') },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRound(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/evaluation-rounds/:id',
    {
      config: { permission: 'evaluation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getEvaluationResults',
        summary: '考核结果排名（县级管理员仅见本区域）',
        params: IdParams,
        response: { 200: Type.Ref('EvaluationResults') },
      },
    },
    async (request) => getRoundResults(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/evaluation-rounds/:id/results.xlsx',
    {
      config: { permission: 'evaluation:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportEvaluationResults',
        summary: '导出考核结果（Excel）',
        params: IdParams,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const results = await getRoundResults(app.db, contextOf(request), request.params.id);
      const buffer = await buildWorkbook('考核结果', resultColumns(results), results.results);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(`考核结果-${results.round.name}.xlsx`))
        .send(buffer);
    },
  );

  app.put(
    '/api/evaluation-rounds/:id/scores',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags: TAGS,
        operationId: 'setManualScore',
        summary: '人工评分（附佐证）',
        params: IdParams,
        body: ManualScoreBody,
        response: { 200: Type.Ref('EvaluationResults') },
      },
    },
    async (request) => setManualScore(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/evaluation-rounds/:id/recompute',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags: TAGS,
        operationId: 'recomputeEvaluationRound',
        summary: '按当前数据重新计算自动指标得分',
        params: IdParams,
        response: { 200: Type.Ref('EvaluationResults') },
      },
    },
    async (request) => recomputeRound(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/evaluation-rounds/:id/publish',
    {
      config: { permission: 'evaluation:write' },
      schema: {
        tags: TAGS,
        operationId: 'publishEvaluationRound',
        summary: '发布考核结果（发布后不再修改）',
        params: IdParams,
        response: { 200: Type.Ref('EvaluationResults') },
      },
    },
    async (request) => publishRound(app.db, contextOf(request), request.params.id),
  );
};

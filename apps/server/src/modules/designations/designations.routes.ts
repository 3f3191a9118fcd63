import multipart from '@fastify/multipart';
import { EVIDENCE_LIMITS } from '@shangmi/shared';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors';
import { attachmentName, XLSX_MIME, XlsxFile } from '../../lib/excel';
import { sendStoredFile } from '../../lib/files';
import { PDF_MIME, PdfFile } from '../../lib/pdf';
import { IdParams, Page, ReasonBody } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { countDesignations } from './designations.counts';
import { today } from '../../lib/calendar';
import { directoryUrl, renderDesignationPdf } from './designations.pdf';
import {
  declareTie,
  designationForPdf,
  exportDesignations,
  generateReviewsFor,
  getDesignation,
  listDesignations,
  listReviews,
  listTies,
  publicDirectory,
  recordReviewOutcome,
  removeTie,
  tieTargets,
} from './designations.records';
import {
  ApplicationCreate,
  ApplicationListQuery,
  ApplicationSchema,
  ApplicationSummarySchema,
  ApplicationUpdate,
  AssignExpertsBody,
  CountyReviewBody,
  DecisionBody,
  DesignationCountsQuery,
  DesignationCountsSchema,
  DesignationDetailSchema,
  DesignationExportQuery,
  DesignationListQuery,
  DesignationSchema,
  ExpertCandidateSchema,
  ExpertTieCreate,
  ExpertTieSchema,
  GenerateReviewsBody,
  MaterialBody,
  MaterialParams,
  ObjectionAnswerBody,
  ObjectionCreate,
  ObjectionParams,
  PublicDesignationQuery,
  PublicDesignationSchema,
  PublicNoticeSchema,
  ReviewListQuery,
  ReviewOutcomeBody,
  ReviewParams,
  ReviewSchema,
  ScoresBody,
} from './designations.schemas';
import {
  answerObjection,
  assignExperts,
  attachMaterialFile,
  countyReview,
  createApplication,
  decide,
  designate,
  expertCandidates,
  getApplication,
  listApplications,
  lodgeObjection,
  publicNotices,
  readMaterialFile,
  saveMaterialNote,
  saveScores,
  submitApplication,
  updateApplication,
  withdrawApplication,
} from './designations.service';

const TAGS = ['示范创建 designations'];
const PUBLIC_TAGS = ['公开 public'];
const MEGABYTES = Math.round(EVIDENCE_LIMITS.maxBytes / (1024 * 1024));

/** Applications (申报 → 初审 → 评审 → 决定 → 公示 → 授牌), designations and their annual review, the public directory. */
export const designationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Only this plugin's material upload accepts multipart bodies.
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: 1, fields: 3, parts: 4, headerPairs: 100 },
  });

  // Applications -----------------------------------------------------------------------------------------
  app.get(
    '/api/applications',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'listApplications',
        summary: '示范创建申报列表（市级：全部；县级：本辖区；申报单位：本单位；专家：指派给本人的）',
        querystring: ApplicationListQuery,
        response: { 200: Page(ApplicationSummarySchema) },
      },
    },
    async (request) => listApplications(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/applications',
    {
      config: { permission: 'designation:apply' },
      schema: {
        tags: TAGS,
        operationId: 'createApplication',
        summary:
          '发起申报（企业为本企业；依托单位为其基地或服务站；县级为推荐）：按现行评价指标生成材料清单，能从平台记录取得的自动填入',
        body: ApplicationCreate,
        response: { 201: ApplicationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createApplication(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/api/applications/:id',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getApplication',
        summary: '申报详情：材料、初审、评审组与评分（全部提交前互不可见）、决定、公示与异议、流程记录、当前可做的操作',
        params: IdParams,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => getApplication(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/applications/:id',
    {
      config: { permission: 'designation:apply' },
      schema: {
        tags: TAGS,
        operationId: 'updateApplication',
        summary: '修改申报说明（草稿或被退回时）',
        params: IdParams,
        body: ApplicationUpdate,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => updateApplication(app.db, contextOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/applications/:id/materials/:itemCode',
    {
      config: { permission: 'designation:apply' },
      schema: {
        tags: TAGS,
        operationId: 'saveApplicationMaterial',
        summary: '保存一项指标的材料说明',
        params: MaterialParams,
        body: MaterialBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) =>
      saveMaterialNote(app.db, contextOf(request), request.params.id, request.params.itemCode, request.body.note),
  );

  app.post(
    '/api/applications/:id/materials/:itemCode/file',
    {
      config: { permission: 'designation:apply' },
      schema: {
        tags: TAGS,
        operationId: 'uploadApplicationMaterial',
        summary: `上传一项指标的附件（multipart/form-data 字段 file；≤ ${MEGABYTES} MB；PDF、图片、Office 文档、文本；替换原附件）`,
        params: MaterialParams,
        consumes: ['multipart/form-data'],
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) {
        throw new AppError('material_not_multipart', 415, '请以 multipart/form-data 上传附件（字段 file）');
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
        throw new AppError('material_no_file', 400, '没有收到文件：请在表单字段 file 中上传', [
          { field: 'file', message: '没有收到文件' },
        ]);
      }
      return attachMaterialFile(app.db, ctx, app.config.dataDir, request.params.id, {
        itemCode: request.params.itemCode,
        ...file,
      });
    },
  );

  app.get(
    '/api/applications/:id/materials/:itemCode/file',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'downloadApplicationMaterial',
        summary: '下载一项指标的附件',
        params: MaterialParams,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await readMaterialFile(
          app.db,
          contextOf(request),
          app.config.dataDir,
          request.params.id,
          request.params.itemCode,
        ),
      ),
  );

  app.post(
    '/api/applications/:id/submit',
    {
      config: { permission: 'designation:apply' },
      schema: {
        tags: TAGS,
        operationId: 'submitApplication',
        summary: '提交申报（每项指标须有说明、附件或平台记录）',
        params: IdParams,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => submitApplication(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/applications/:id/withdraw',
    {
      config: { permission: 'designation:apply' },
      schema: {
        tags: TAGS,
        operationId: 'withdrawApplication',
        summary: '撤回申报（初审结束前）',
        params: IdParams,
        body: ReasonBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => withdrawApplication(app.db, contextOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/applications/:id/county-review',
    {
      config: { permission: 'designation:review' },
      schema: {
        tags: TAGS,
        operationId: 'countyReviewApplication',
        summary: '县级初审：通过，或写明理由退回',
        params: IdParams,
        body: CountyReviewBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => countyReview(app.db, contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/applications/:id/expert-candidates',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'listExpertCandidates',
        summary: '可指派的专家及须回避的原因（任职于申报相关单位或申报了关联）',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(ExpertCandidateSchema) }) },
      },
    },
    async (request) => expertCandidates(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/api/applications/:id/experts',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'assignApplicationExperts',
        summary: '指派 3 至 5 名评审专家（须回避者被拒绝）',
        params: IdParams,
        body: AssignExpertsBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => assignExperts(app.db, contextOf(request), request.params.id, request.body.expertUserIds),
  );

  app.put(
    '/api/applications/:id/scores',
    {
      config: { permission: 'designation:score' },
      schema: {
        tags: TAGS,
        operationId: 'saveApplicationScores',
        summary: '专家逐项评分（保存草稿或提交；提交后不可修改；全部提交前看不到他人评分）',
        params: IdParams,
        body: ScoresBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => saveScores(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/applications/:id/decision',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'decideApplication',
        summary: '作出决定（日期与依据）：同意则进入公示（默认 5 个工作日），不同意则结束',
        params: IdParams,
        body: DecisionBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => decide(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/applications/:id/objections/:objectionId/answer',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'answerObjection',
        summary: '书面答复公示期异议',
        params: ObjectionParams,
        body: ObjectionAnswerBody,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) =>
      answerObjection(app.db, contextOf(request), request.params.id, request.params.objectionId, request.body.answer),
  );

  app.post(
    '/api/applications/:id/designate',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'designateApplication',
        summary: '授牌：公示期满且异议均已答复后，生成命名编号，自今日起计入工作目标',
        params: IdParams,
        response: { 200: ApplicationSchema },
      },
    },
    async (request) => designate(app.db, contextOf(request), request.params.id),
  );

  // Designations -----------------------------------------------------------------------------------------
  app.get(
    '/api/designations',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'listDesignations',
        summary: '示范命名列表（类别、县区、状态、名称/编号搜索；asOf：当日有效、计入目标的）',
        querystring: DesignationListQuery,
        response: { 200: Page(DesignationSchema) },
      },
    },
    async (request) => listDesignations(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/designations/export',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportDesignations',
        summary: '导出示范命名（Excel，按当前筛选）',
        querystring: DesignationExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(`示范命名-${today()}.xlsx`))
        .send(await exportDesignations(app.db, contextOf(request), request.query)),
  );

  app.get(
    '/api/designations/counts',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'countDesignations',
        summary: '某日有效的示范命名数（按类别、县区）',
        querystring: DesignationCountsQuery,
        response: { 200: DesignationCountsSchema },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? today();
      return { asOf, items: await countDesignations(app.db, { asOf }) };
    },
  );

  app.get(
    '/api/designations/reviews',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'listDesignationReviews',
        summary: '年度复核任务（待复核/已复核，年度）',
        querystring: ReviewListQuery,
        response: { 200: Page(ReviewSchema) },
      },
    },
    async (request) => listReviews(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/designations/reviews/generate',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'generateDesignationReviews',
        summary: '生成某年度的复核任务（该年之前命名且未撤销的，每个命名每年一项）',
        body: GenerateReviewsBody,
        response: { 200: Type.Object({ year: Type.Integer(), created: Type.Integer() }) },
      },
    },
    async (request) => generateReviewsFor(app.db, contextOf(request), request.body.year),
  );

  app.get(
    '/api/designations/:id',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getDesignation',
        summary: '示范命名详情与历年复核',
        params: IdParams,
        response: { 200: DesignationDetailSchema },
      },
    },
    async (request) => getDesignation(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/designations/:id/pdf',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'getDesignationPdf',
        summary: '下载授牌证书 PDF',
        params: IdParams,
        produces: [PDF_MIME],
        response: { 200: PdfFile },
      },
    },
    async (request, reply) => {
      const d = await designationForPdf(app.db, contextOf(request), request.params.id);
      const pdf = await renderDesignationPdf(
        {
          number: d.number,
          kind: d.kind,
          subjectName: d.subjectName,
          countyName: d.countyName,
          designatedOn: d.designatedOn,
          status: d.status,
          revokedOn: d.revokedOn,
        },
        directoryUrl(`${request.protocol}://${request.host}`, d.number),
      );
      return reply
        .type(PDF_MIME)
        .header('content-disposition', attachmentName(`授牌证书-${d.number}.pdf`))
        .send(pdf);
    },
  );

  app.post(
    '/api/designations/:id/reviews/:reviewId/outcome',
    {
      config: { permission: 'designation:manage' },
      schema: {
        tags: TAGS,
        operationId: 'recordDesignationReview',
        summary: '记录年度复核结论：保留 / 限期整改 / 撤销（撤销自撤销日起不再计入目标）',
        params: ReviewParams,
        body: ReviewOutcomeBody,
        response: { 200: DesignationDetailSchema },
      },
    },
    async (request) =>
      recordReviewOutcome(app.db, contextOf(request), request.params.id, request.params.reviewId, request.body),
  );

  // Expert ties ------------------------------------------------------------------------------------------
  app.get(
    '/api/expert-ties',
    {
      config: { permission: 'designation:read' },
      schema: {
        tags: TAGS,
        operationId: 'listExpertTies',
        summary: '专家申报的利益关联（专家：本人的；市级：全部）',
        response: { 200: Type.Object({ items: Type.Array(ExpertTieSchema) }) },
      },
    },
    async (request) => listTies(app.db, contextOf(request)),
  );

  app.get(
    '/api/expert-ties/organizations',
    {
      config: { permission: 'designation:score' },
      schema: {
        tags: TAGS,
        operationId: 'searchTieOrganizations',
        summary: '专家申报关联时按名称查找单位（含企业；仅名称、类别与区域）',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), regionName: Type.String() }),
            ),
          }),
        },
      },
    },
    async (request) => tieTargets(app.db, request.query.q),
  );

  app.post(
    '/api/expert-ties',
    {
      config: { permission: 'designation:score' },
      schema: {
        tags: TAGS,
        operationId: 'declareExpertTie',
        summary: '专家申报与某单位的关联（任职、持股、亲属、顾问等），此后不会被指派评审该单位',
        body: ExpertTieCreate,
        response: { 201: ExpertTieSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await declareTie(app.db, contextOf(request), request.body)),
  );

  app.delete(
    '/api/expert-ties/:id',
    {
      config: { permission: 'designation:score' },
      schema: {
        tags: TAGS,
        operationId: 'removeExpertTie',
        summary: '撤回本人申报的一项关联',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeTie(app.db, contextOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // Public -----------------------------------------------------------------------------------------------
  app.get(
    '/api/public/designations',
    {
      config: { public: true },
      schema: {
        tags: PUBLIC_TAGS,
        operationId: 'publicDesignations',
        summary: '公开名录：已授牌的示范基地、示范指导站（点）、示范企业（类别、区域、行业、服务筛选）',
        querystring: PublicDesignationQuery,
        response: { 200: Page(PublicDesignationSchema) },
      },
    },
    async (request) => publicDirectory(app.db, request.query),
  );

  app.get(
    '/api/public/notices',
    {
      config: { public: true },
      schema: {
        tags: PUBLIC_TAGS,
        operationId: 'publicNotices',
        summary: '正在公示的示范创建拟命名名单',
        response: { 200: Type.Object({ items: Type.Array(PublicNoticeSchema) }) },
      },
    },
    async () => publicNotices(app.db),
  );

  app.post(
    '/api/public/notices/:id/objections',
    {
      config: { public: true },
      schema: {
        tags: PUBLIC_TAGS,
        operationId: 'lodgeObjection',
        summary: '公示期内提出异议（实名与联系方式仅工作专班办公室可见）',
        params: IdParams,
        body: ObjectionCreate,
        response: { 201: Type.Object({ id: Type.String(), lodgedAt: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await lodgeObjection(
            app.db,
            { actor: request.actor ?? null, requestId: request.id, clientIp: request.ip },
            request.params.id,
            request.body,
          ),
        ),
  );
};

import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_STATUS_LABELS,
  EVIDENCE_LIMITS,
  PERSONNEL_STATUS_LABELS,
} from '@shangmi/shared';
import { Type } from 'typebox';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile } from '../../lib/excel';
import { sendStoredFile } from '../../lib/files';
import { PDF_MIME, PdfFile } from '../../lib/pdf';
import { ReasonBody } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import {
  addTraining,
  agreementDocument,
  allAgreementsForExport,
  allPersonnelForExport,
  attachAgreementDocument,
  completeStep,
  createAgreement,
  createPersonnel,
  getOffboarding,
  getPersonnel,
  listAgreements,
  listOffboardings,
  listPersonnel,
  markPaymentPaid,
  reminderLetter,
  startOffboarding,
  terminateAgreement,
  updatePersonnel,
} from './people.service';
import { readUploadedFile } from './secrets.routes';
import {
  AgreementCreate,
  AgreementListQuery,
  AgreementParams,
  AgreementSchema,
  EnterpriseParams,
  OffboardingCreate,
  OffboardingListItemSchema,
  OffboardingListQuery,
  OffboardingParams,
  OffboardingSchema,
  PaymentBody,
  PaymentParams,
  PersonnelCreate,
  PersonnelDetailSchema,
  PersonnelListQuery,
  PersonnelSchema,
  PersonnelUpdate,
  PersonParams,
  StepBody,
  StepParams,
  TrainingCreate,
  page,
} from './secrets.schemas';

const TAGS = ['商业秘密 secrets'];
const AnyFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '协议文件' });

/** Personnel (涉密人员), their agreements, training records and offboarding. All for the enterprise admin. */
export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: EVIDENCE_LIMITS.maxBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });
  const P = '/api/enterprises/:id/personnel';
  const A = '/api/enterprises/:id/agreements';
  const O = '/api/enterprises/:id/offboardings';

  app.get(
    P,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'listPersonnel',
        summary: '涉密人员（搜索、状态/部门筛选、分页；含协议签署与培训情况）',
        params: EnterpriseParams,
        querystring: PersonnelListQuery,
        response: { 200: page(PersonnelSchema) },
      },
    },
    async (request) => listPersonnel(app.db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    `${P}/export`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'exportPersonnel',
        summary: '导出涉密人员（.xlsx）',
        params: EnterpriseParams,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const rows = await allPersonnelForExport(app.db, contextOf(request), request.params.id);
      type Row = (typeof rows)[number];
      const yes = (b: boolean) => (b ? '是' : '否');
      const buffer = await buildWorkbook<Row>(
        '涉密人员',
        [
          { header: '姓名', key: 'name', value: (r) => r.name },
          { header: '部门', key: 'department', value: (r) => r.department },
          { header: '岗位', key: 'post', value: (r) => r.post },
          { header: '入职日期', key: 'hireDate', value: (r) => r.hireDate },
          { header: '状态', key: 'status', value: (r) => PERSONNEL_STATUS_LABELS[r.status] },
          { header: '知悉秘点数', key: 'knownPoints', value: (r) => r.knownPoints },
          { header: '知悉核心商密', key: 'knowsCore', value: (r) => yes(r.knowsCore) },
          { header: '保密协议', key: 'confidentialitySigned', value: (r) => yes(r.confidentialitySigned) },
          { header: '竞业限制协议', key: 'nonCompeteSigned', value: (r) => yes(r.nonCompeteSigned) },
          { header: '已培训', key: 'trained', value: (r) => yes(r.trained) },
        ],
        rows,
      );
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('涉密人员.xlsx')).send(buffer);
    },
  );

  app.post(
    P,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'createPersonnel',
        summary: '登记涉密人员',
        params: EnterpriseParams,
        body: PersonnelCreate,
        response: { 201: PersonnelDetailSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPersonnel(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    `${P}/:personnelId`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'getPersonnel',
        summary: '涉密人员详情（知悉秘点、培训记录、持有载体）',
        params: PersonParams,
        response: { 200: PersonnelDetailSchema },
      },
    },
    async (request) => getPersonnel(app.db, contextOf(request), request.params.id, request.params.personnelId),
  );

  app.patch(
    `${P}/:personnelId`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'updatePersonnel',
        summary: '修改涉密人员信息（可关联本企业平台账号）',
        params: PersonParams,
        body: PersonnelUpdate,
        response: { 200: PersonnelDetailSchema },
      },
    },
    async (request) =>
      updatePersonnel(app.db, contextOf(request), request.params.id, request.params.personnelId, request.body),
  );

  app.post(
    `${P}/:personnelId/trainings`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'addPersonnelTraining',
        summary: '登记保密培训记录（日期、主题、学时）',
        params: PersonParams,
        body: TrainingCreate,
        response: { 201: PersonnelDetailSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addTraining(app.db, contextOf(request), request.params.id, request.params.personnelId, request.body),
        ),
  );

  app.get(
    A,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'listAgreements',
        summary: '保密协议与竞业限制协议（类型/状态/人员筛选、分页）',
        params: EnterpriseParams,
        querystring: AgreementListQuery,
        response: { 200: page(AgreementSchema) },
      },
    },
    async (request) => listAgreements(app.db, contextOf(request), request.params.id, request.query),
  );

  app.get(
    `${A}/export`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'exportAgreements',
        summary: '导出协议台账（.xlsx）',
        params: EnterpriseParams,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const rows = await allAgreementsForExport(app.db, contextOf(request), request.params.id);
      type Row = (typeof rows)[number];
      const buffer = await buildWorkbook<Row>(
        '协议台账',
        [
          { header: '人员', key: 'personnelName', value: (r) => r.personnelName },
          { header: '部门', key: 'personnelDepartment', value: (r) => r.personnelDepartment },
          { header: '协议类型', key: 'kind', value: (r) => AGREEMENT_KIND_LABELS[r.kind] },
          { header: '签署日期', key: 'signedOn', value: (r) => r.signedOn },
          { header: '生效日期', key: 'effectiveFrom', value: (r) => r.effectiveFrom },
          { header: '终止日期', key: 'effectiveUntil', value: (r) => r.effectiveUntil ?? '' },
          { header: '竞业限制期限（月）', key: 'restrictedMonths', value: (r) => r.restrictedMonths },
          { header: '月补偿（元）', key: 'monthlyCompensation', value: (r) => r.monthlyCompensation },
          { header: '状态', key: 'status', value: (r) => AGREEMENT_STATUS_LABELS[r.status] },
        ],
        rows,
      );
      return reply.type(XLSX_MIME).header('content-disposition', attachmentName('协议台账.xlsx')).send(buffer);
    },
  );

  app.post(
    A,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'createAgreement',
        summary: '登记协议（竞业限制期限超过二年的依《劳动合同法》第二十四条拒绝）',
        params: EnterpriseParams,
        body: AgreementCreate,
        response: { 201: AgreementSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createAgreement(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.post(
    `${A}/:agreementId/terminate`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'terminateAgreement',
        summary: '终止协议（记录保留）',
        params: AgreementParams,
        body: ReasonBody,
        response: { 200: AgreementSchema },
      },
    },
    async (request) =>
      terminateAgreement(
        app.db,
        contextOf(request),
        request.params.id,
        request.params.agreementId,
        request.body.reason,
      ),
  );

  app.post(
    `${A}/:agreementId/document`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'uploadAgreementDocument',
        summary: '上传协议文本（multipart 字段 file；PDF、图片或 Office 文档；加密保存）',
        params: AgreementParams,
        consumes: ['multipart/form-data'],
        response: { 200: AgreementSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      const file = await readUploadedFile(request, app.multipartErrors.RequestFileTooLargeError);
      return attachAgreementDocument(
        app.db,
        ctx,
        app.config.dataDir,
        request.params.id,
        request.params.agreementId,
        file,
      );
    },
  );

  app.get(
    `${A}/:agreementId/document`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'downloadAgreementDocument',
        summary: '下载协议文本',
        params: AgreementParams,
        response: { 200: AnyFile },
      },
    },
    async (request, reply) =>
      sendStoredFile(
        reply,
        await agreementDocument(
          app.db,
          contextOf(request),
          app.config.dataDir,
          request.params.id,
          request.params.agreementId,
        ),
      ),
  );

  app.get(
    O,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'listOffboardings',
        summary: '离职办理（状态/高风险筛选、分页）',
        params: EnterpriseParams,
        querystring: OffboardingListQuery,
        response: { 200: page(OffboardingListItemSchema) },
      },
    },
    async (request) => listOffboardings(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    O,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'startOffboarding',
        summary: '启动离职办理（生成检查清单；知悉核心商密者标为高风险）',
        params: EnterpriseParams,
        body: OffboardingCreate,
        response: { 201: OffboardingSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await startOffboarding(app.db, contextOf(request), request.params.id, request.body)),
  );

  app.get(
    `${O}/:offboardingId`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'getOffboarding',
        summary: '离职办理详情（清单、竞业限制补偿计划、知悉秘点、持有载体）',
        params: OffboardingParams,
        response: { 200: OffboardingSchema },
      },
    },
    async (request) => getOffboarding(app.db, contextOf(request), request.params.id, request.params.offboardingId),
  );

  app.post(
    `${O}/:offboardingId/steps/:step`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'completeOffboardingStep',
        summary: '完成清单步骤（收回载体时一并标记其载体为已收回；启动竞业限制时生成补偿支付计划）',
        params: StepParams,
        body: StepBody,
        response: { 200: OffboardingSchema },
      },
    },
    async (request) =>
      completeStep(
        app.db,
        contextOf(request),
        request.params.id,
        request.params.offboardingId,
        request.params.step,
        request.body,
      ),
  );

  app.post(
    `${O}/:offboardingId/payments/:paymentId/paid`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'markNonCompetePaymentPaid',
        summary: '登记竞业限制补偿已支付',
        params: PaymentParams,
        body: PaymentBody,
        response: { 200: OffboardingSchema },
      },
    },
    async (request) =>
      markPaymentPaid(
        app.db,
        contextOf(request),
        request.params.id,
        request.params.offboardingId,
        request.params.paymentId,
        request.body.paidOn,
      ),
  );

  app.get(
    `${O}/:offboardingId/reminder-letter`,
    {
      config: { permission: 'secret:manage' },
      schema: {
        tags: TAGS,
        operationId: 'downloadReminderLetter',
        summary: '生成保密义务提醒函（PDF）',
        params: OffboardingParams,
        produces: [PDF_MIME],
        response: { 200: PdfFile },
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await reminderLetter(
        app.db,
        contextOf(request),
        request.params.id,
        request.params.offboardingId,
      );
      return reply
        .type(PDF_MIME)
        .header('content-disposition', attachmentName(fileName))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
};

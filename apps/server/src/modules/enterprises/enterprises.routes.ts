import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ENTERPRISE_SIZE_LABELS,
  ENTERPRISE_STATUS_LABELS,
  HONOUR_LABELS,
  type EnterpriseSize,
  type EnterpriseStatus,
  type Honour,
} from '@shangmi/shared';
import { Type } from 'typebox';
import { attachmentName, buildWorkbook, XLSX_MIME, XlsxFile, type ExcelColumn } from '../../lib/excel';
import { IdParams, Page, ReasonBody } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { EnterpriseCreate, EnterpriseExportQuery, EnterpriseListQuery, EnterpriseUpdate } from './enterprises.schemas';
import {
  allMatchingEnterprises,
  createEnterprise,
  enterpriseChangeHistory,
  getEnterprise,
  listEnterprises,
  setEnterpriseArchived,
  updateEnterprise,
  type Enterprise,
} from './enterprises.service';

const TAGS = ['登记 registry'];
const EnterpriseRef = Type.Ref('Enterprise');

const EXPORT_COLUMNS: ExcelColumn<Enterprise>[] = [
  { header: '企业名称', key: 'name', width: 36, value: (e) => e.name },
  { header: '统一社会信用代码', key: 'uscc', width: 22, value: (e) => e.uscc },
  { header: '所属区域', key: 'region', value: (e) => e.regionName },
  { header: '行业', key: 'industry', value: (e) => e.industryName },
  { header: '规模', key: 'size', width: 8, value: (e) => ENTERPRISE_SIZE_LABELS[e.size as EnterpriseSize] ?? e.size },
  {
    header: '荣誉',
    key: 'honours',
    width: 24,
    value: (e) => e.honours.map((h) => HONOUR_LABELS[h as Honour] ?? h).join('、'),
  },
  { header: '地址', key: 'address', width: 40, value: (e) => e.address },
  { header: '法定代表人', key: 'legalRepresentative', value: (e) => e.legalRepresentative },
  { header: '联系人', key: 'contactName', value: (e) => e.contactName },
  { header: '联系电话', key: 'contactPhone', value: (e) => e.contactPhone },
  { header: '电子邮箱', key: 'contactEmail', width: 24, value: (e) => e.contactEmail },
  { header: '从业人数', key: 'employees', width: 10, value: (e) => e.employees },
  {
    header: '状态',
    key: 'status',
    width: 8,
    value: (e) => ENTERPRISE_STATUS_LABELS[e.status as EnterpriseStatus] ?? e.status,
  },
  { header: '登记时间', key: 'createdAt', width: 22, value: (e) => e.createdAt },
];

export const enterpriseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/enterprises',
    {
      config: { permission: 'enterprise:read' },
      schema: {
        tags: TAGS,
        operationId: 'listEnterprises',
        summary: '企业列表（名称/信用代码搜索、区域/行业/荣誉筛选、排序、分页）',
        querystring: EnterpriseListQuery,
        response: { 200: Page(EnterpriseRef) },
      },
    },
    async (request) => listEnterprises(app.db, contextOf(request), request.query),
  );

  app.get(
    '/api/enterprises/export',
    {
      config: { permission: 'enterprise:read' },
      schema: {
        tags: TAGS,
        operationId: 'exportEnterprises',
        summary: '导出筛选结果为 Excel',
        querystring: EnterpriseExportQuery,
        produces: [XLSX_MIME],
        response: { 200: XlsxFile },
      },
    },
    async (request, reply) => {
      const rows = await allMatchingEnterprises(app.db, contextOf(request), request.query);
      const buffer = await buildWorkbook('企业', EXPORT_COLUMNS, rows);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachmentName(`企业名录-${date}.xlsx`))
        .send(buffer);
    },
  );

  app.post(
    '/api/enterprises',
    {
      config: { permission: 'enterprise:write' },
      schema: {
        tags: TAGS,
        operationId: 'createEnterprise',
        summary: '登记企业',
        body: EnterpriseCreate,
        response: { 201: EnterpriseRef },
      },
    },
    async (request, reply) => {
      const created = await createEnterprise(app.db, contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise:read' },
      schema: {
        tags: TAGS,
        operationId: 'getEnterprise',
        summary: '企业详情',
        params: IdParams,
        response: { 200: EnterpriseRef },
      },
    },
    async (request) => getEnterprise(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/enterprises/:id',
    {
      config: { permission: 'enterprise:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateEnterprise',
        summary: '修改企业信息',
        params: IdParams,
        body: EnterpriseUpdate,
        response: { 200: EnterpriseRef },
      },
    },
    async (request) => updateEnterprise(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/enterprises/:id/archive',
    {
      config: { permission: 'enterprise:write' },
      schema: {
        tags: TAGS,
        operationId: 'archiveEnterprise',
        summary: '归档企业（不删除）',
        params: IdParams,
        body: ReasonBody,
        response: { 200: EnterpriseRef },
      },
    },
    async (request) => setEnterpriseArchived(app.db, contextOf(request), request.params.id, true, request.body.reason),
  );

  app.post(
    '/api/enterprises/:id/restore',
    {
      config: { permission: 'enterprise:write' },
      schema: {
        tags: TAGS,
        operationId: 'restoreEnterprise',
        summary: '恢复已归档企业',
        params: IdParams,
        body: ReasonBody,
        response: { 200: EnterpriseRef },
      },
    },
    async (request) => setEnterpriseArchived(app.db, contextOf(request), request.params.id, false, request.body.reason),
  );

  app.get(
    '/api/enterprises/:id/history',
    {
      config: { permission: 'enterprise:read' },
      schema: {
        tags: TAGS,
        operationId: 'enterpriseHistory',
        summary: '企业变更记录（来自审计链）',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Type.Ref('AuditEntry')) }) },
      },
    },
    async (request) => ({ items: await enterpriseChangeHistory(app.db, contextOf(request), request.params.id) }),
  );
};

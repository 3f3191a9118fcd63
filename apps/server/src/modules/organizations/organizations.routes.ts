import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Page, ReasonBody } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import {
  OrganizationCreate,
  OrganizationListQuery,
  OrganizationSchema,
  OrganizationUpdate,
} from './organizations.schemas';
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  setOrganizationArchived,
  updateOrganization,
} from './organizations.service';

const TAGS = ['机构 organizations'];

export const organizationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/organizations',
    {
      config: { permission: 'organization:read' },
      schema: {
        tags: TAGS,
        operationId: 'listOrganizations',
        summary: '机构列表（名称搜索、类型/区域/状态筛选、分页）',
        querystring: OrganizationListQuery,
        response: { 200: Page(OrganizationSchema) },
      },
    },
    async (request) => listOrganizations(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/organizations',
    {
      config: { permission: 'organization:write' },
      schema: {
        tags: TAGS,
        operationId: 'createOrganization',
        summary: '登记机构（部门、协会、服务站、服务机构；企业请走企业登记）',
        body: OrganizationCreate,
        response: { 201: OrganizationSchema },
      },
    },
    async (request, reply) => {
      const created = await createOrganization(app.db, contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/organizations/:id',
    {
      config: { permission: 'organization:read' },
      schema: {
        tags: TAGS,
        operationId: 'getOrganization',
        summary: '机构详情',
        params: IdParams,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) => getOrganization(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/organizations/:id',
    {
      config: { permission: 'organization:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateOrganization',
        summary: '修改机构信息',
        params: IdParams,
        body: OrganizationUpdate,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) => updateOrganization(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/organizations/:id/archive',
    {
      config: { permission: 'organization:write' },
      schema: {
        tags: TAGS,
        operationId: 'archiveOrganization',
        summary: '归档机构（不删除）',
        params: IdParams,
        body: ReasonBody,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) =>
      setOrganizationArchived(app.db, contextOf(request), request.params.id, true, request.body.reason),
  );

  app.post(
    '/api/organizations/:id/restore',
    {
      config: { permission: 'organization:write' },
      schema: {
        tags: TAGS,
        operationId: 'restoreOrganization',
        summary: '恢复已归档机构',
        params: IdParams,
        body: ReasonBody,
        response: { 200: OrganizationSchema },
      },
    },
    async (request) =>
      setOrganizationArchived(app.db, contextOf(request), request.params.id, false, request.body.reason),
  );
};

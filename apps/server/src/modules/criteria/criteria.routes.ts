import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { CriteriaCreate, CriteriaListQuery, CriteriaUpdate } from './criteria.schemas';
import { createCriteria, getCriteria, listCriteria, publishCriteria, updateCriteria } from './criteria.service';

const TAGS = ['示范创建 designations'];
const CriteriaRef = Type.Ref('CriteriaVersion');

export const criteriaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/designation-criteria',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: TAGS,
        operationId: 'listDesignationCriteria',
        summary: '建设指南评价指标版本列表',
        querystring: CriteriaListQuery,
        response: { 200: Type.Object({ items: Type.Array(CriteriaRef) }) },
      },
    },
    async (request) => listCriteria(app.db, contextOf(request), request.query.kind),
  );

  app.post(
    '/api/designation-criteria',
    {
      config: { permission: 'criteria:write' },
      schema: {
        tags: TAGS,
        operationId: 'createDesignationCriteria',
        summary: '新建评价指标草稿（可复制已有版本）',
        body: CriteriaCreate,
        response: { 201: CriteriaRef },
      },
    },
    async (request, reply) => reply.code(201).send(await createCriteria(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/api/designation-criteria/:id',
    {
      config: { permission: 'criteria:read' },
      schema: {
        tags: TAGS,
        operationId: 'getDesignationCriteria',
        summary: '评价指标版本详情',
        params: IdParams,
        response: { 200: CriteriaRef },
      },
    },
    async (request) => getCriteria(app.db, contextOf(request), request.params.id),
  );

  app.put(
    '/api/designation-criteria/:id',
    {
      config: { permission: 'criteria:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateDesignationCriteria',
        summary: '修改评价指标草稿（已发布版本不可修改）',
        params: IdParams,
        body: CriteriaUpdate,
        response: { 200: CriteriaRef },
      },
    },
    async (request) => updateCriteria(app.db, contextOf(request), request.params.id, request.body.groups),
  );

  app.post(
    '/api/designation-criteria/:id/publish',
    {
      config: { permission: 'criteria:write' },
      schema: {
        tags: TAGS,
        operationId: 'publishDesignationCriteria',
        summary: '发布评价指标版本（发布后不可修改）',
        params: IdParams,
        response: { 200: CriteriaRef },
      },
    },
    async (request) => publishCriteria(app.db, contextOf(request), request.params.id),
  );
};

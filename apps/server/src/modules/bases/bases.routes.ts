import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, ReasonBody } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { PublicMapSchema } from '../stations/index';
import { BaseCreate, BaseEnterprisesBody, BaseListQuery, BaseUpdate } from './bases.schemas';
import {
  createBase,
  getBase,
  listBases,
  publicPlacesMap,
  setBaseArchived,
  setBaseEnterprises,
  updateBase,
} from './bases.service';

const TAGS = ['示范创建 designations'];
const BaseRef = Type.Ref('Base');

export const baseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/bases',
    {
      config: { permission: 'base:read' },
      schema: {
        tags: TAGS,
        operationId: 'listBases',
        summary: '示范基地列表（名称搜索、区域/状态筛选、分页）',
        querystring: BaseListQuery,
        response: { 200: Page(BaseRef) },
      },
    },
    async (request) => listBases(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/bases',
    {
      config: { permission: 'base:write' },
      schema: {
        tags: TAGS,
        operationId: 'createBase',
        summary: '登记示范基地',
        body: BaseCreate,
        response: { 201: BaseRef },
      },
    },
    async (request, reply) => reply.code(201).send(await createBase(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/api/bases/:id',
    {
      config: { permission: 'base:read' },
      schema: {
        tags: TAGS,
        operationId: 'getBase',
        summary: '示范基地详情',
        params: IdParams,
        response: { 200: BaseRef },
      },
    },
    async (request) => getBase(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/bases/:id',
    {
      config: { permission: 'base:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateBase',
        summary: '修改示范基地信息',
        params: IdParams,
        body: BaseUpdate,
        response: { 200: BaseRef },
      },
    },
    async (request) => updateBase(app.db, contextOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/bases/:id/enterprises',
    {
      config: { permission: 'base:write' },
      schema: {
        tags: TAGS,
        operationId: 'setBaseEnterprises',
        summary: '设置示范基地覆盖的企业',
        params: IdParams,
        body: BaseEnterprisesBody,
        response: { 200: BaseRef },
      },
    },
    async (request) => setBaseEnterprises(app.db, contextOf(request), request.params.id, request.body.enterpriseIds),
  );

  app.post(
    '/api/bases/:id/archive',
    {
      config: { permission: 'base:write' },
      schema: {
        tags: TAGS,
        operationId: 'archiveBase',
        summary: '归档示范基地',
        params: IdParams,
        body: ReasonBody,
        response: { 200: BaseRef },
      },
    },
    async (request) => setBaseArchived(app.db, contextOf(request), request.params.id, true, request.body.reason),
  );

  app.post(
    '/api/bases/:id/restore',
    {
      config: { permission: 'base:write' },
      schema: {
        tags: TAGS,
        operationId: 'restoreBase',
        summary: '恢复已归档示范基地',
        params: IdParams,
        body: ReasonBody,
        response: { 200: BaseRef },
      },
    },
    async (request) => setBaseArchived(app.db, contextOf(request), request.params.id, false, request.body.reason),
  );

  app.get(
    '/api/public/map',
    {
      config: { public: true },
      schema: {
        tags: ['公开 public'],
        operationId: 'publicMap',
        summary: '公开地图数据：服务站与示范基地坐标、各县（市、区）数量',
        response: { 200: PublicMapSchema },
      },
    },
    async () => publicPlacesMap(app.db),
  );
};

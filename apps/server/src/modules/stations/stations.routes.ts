import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, ReasonBody } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import {
  PublicStationQuery,
  PublicStationSchema,
  StationCreate,
  StationListQuery,
  StationUpdate,
} from './stations.schemas';
import {
  createStation,
  getStation,
  listStations,
  publicStations,
  setStationArchived,
  updateStation,
} from './stations.service';

const TAGS = ['示范创建 designations'];
const PUBLIC_TAGS = ['公开 public'];
const StationRef = Type.Ref('Station');

export const stationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/stations',
    {
      config: { permission: 'station:read' },
      schema: {
        tags: TAGS,
        operationId: 'listStations',
        summary: '服务站（点）列表（名称搜索、区域/依托单位类型/服务/状态筛选、分页）',
        querystring: StationListQuery,
        response: { 200: Page(StationRef) },
      },
    },
    async (request) => listStations(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/stations',
    {
      config: { permission: 'station:write' },
      schema: {
        tags: TAGS,
        operationId: 'createStation',
        summary: '设立服务站（点）',
        body: StationCreate,
        response: { 201: StationRef },
      },
    },
    async (request, reply) => reply.code(201).send(await createStation(app.db, contextOf(request), request.body)),
  );

  app.get(
    '/api/stations/:id',
    {
      config: { permission: 'station:read' },
      schema: {
        tags: TAGS,
        operationId: 'getStation',
        summary: '服务站（点）详情',
        params: IdParams,
        response: { 200: StationRef },
      },
    },
    async (request) => getStation(app.db, contextOf(request), request.params.id),
  );

  app.patch(
    '/api/stations/:id',
    {
      config: { permission: 'station:write' },
      schema: {
        tags: TAGS,
        operationId: 'updateStation',
        summary: '修改服务站（点）信息（服务站工作人员可改本站开放时间、服务、人员、联系方式）',
        params: IdParams,
        body: StationUpdate,
        response: { 200: StationRef },
      },
    },
    async (request) => updateStation(app.db, contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/stations/:id/archive',
    {
      config: { permission: 'station:write' },
      schema: {
        tags: TAGS,
        operationId: 'archiveStation',
        summary: '归档服务站（点）',
        params: IdParams,
        body: ReasonBody,
        response: { 200: StationRef },
      },
    },
    async (request) => setStationArchived(app.db, contextOf(request), request.params.id, true, request.body.reason),
  );

  app.post(
    '/api/stations/:id/restore',
    {
      config: { permission: 'station:write' },
      schema: {
        tags: TAGS,
        operationId: 'restoreStation',
        summary: '恢复已归档服务站（点）',
        params: IdParams,
        body: ReasonBody,
        response: { 200: StationRef },
      },
    },
    async (request) => setStationArchived(app.db, contextOf(request), request.params.id, false, request.body.reason),
  );

  app.get(
    '/api/public/stations',
    {
      config: { public: true },
      schema: {
        tags: PUBLIC_TAGS,
        operationId: 'publicStations',
        summary: '公开服务站（点）名录（仅在用站点，不含工作人员电话）',
        querystring: PublicStationQuery,
        response: { 200: Type.Object({ items: Type.Array(PublicStationSchema) }) },
      },
    },
    async (request) => publicStations(app.db, request.query),
  );
};

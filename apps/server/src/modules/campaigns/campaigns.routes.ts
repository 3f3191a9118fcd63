import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page } from '../../lib/schemas';
import { contextOf } from '../../plugins/authz';
import { AssessmentSummarySchema } from '../assessments/index';
import {
  CampaignAssessmentsQuery,
  CampaignCreate,
  CampaignDetailSchema,
  CampaignListQuery,
  CampaignSchema,
} from './campaigns.schemas';
import {
  campaignAssessments,
  closeCampaign,
  createCampaign,
  getCampaign,
  listCampaigns,
  remindCampaign,
} from './campaigns.service';

const TAGS = ['贯标活动 campaigns'];

/** Conformance campaigns: launch to chosen enterprises, follow progress per region, remind, close. */
export const campaignRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addSchema(CampaignSchema);
  const CampaignRef = Type.Ref('Campaign');

  app.get(
    '/api/campaigns',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags: TAGS,
        operationId: 'listCampaigns',
        summary: '贯标活动列表（县级/服务站：市级与本辖区发起的）',
        querystring: CampaignListQuery,
        response: { 200: Page(CampaignRef) },
      },
    },
    async (request) => listCampaigns(app.db, contextOf(request), request.query),
  );

  app.post(
    '/api/campaigns',
    {
      config: { permission: 'campaign:write' },
      schema: {
        tags: TAGS,
        operationId: 'createCampaign',
        summary: '发起贯标活动：按区域、行业、荣誉选定企业，每家企业生成一份自评并通知',
        body: CampaignCreate,
        response: { 201: CampaignDetailSchema },
      },
    },
    async (request, reply) => {
      const created = await createCampaign(app.db, contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags: TAGS,
        operationId: 'getCampaign',
        summary: '贯标活动详情与分区域进度（未开始/填写中/已提交/已退回/已获证）',
        params: IdParams,
        response: { 200: CampaignDetailSchema },
      },
    },
    async (request) => getCampaign(app.db, contextOf(request), request.params.id),
  );

  app.get(
    '/api/campaigns/:id/assessments',
    {
      config: { permission: 'campaign:read' },
      schema: {
        tags: TAGS,
        operationId: 'listCampaignAssessments',
        summary: '活动中的企业自评（按状态、区域、企业名称筛选）',
        params: IdParams,
        querystring: CampaignAssessmentsQuery,
        response: { 200: Page(AssessmentSummarySchema) },
      },
    },
    async (request) => campaignAssessments(app.db, contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/campaigns/:id/remind',
    {
      config: { permission: 'campaign:write' },
      schema: {
        tags: TAGS,
        operationId: 'remindCampaign',
        summary: '提醒尚未提交自评的企业',
        params: IdParams,
        response: { 200: Type.Object({ sent: Type.Integer() }) },
      },
    },
    async (request) => remindCampaign(app.db, contextOf(request), request.params.id),
  );

  app.post(
    '/api/campaigns/:id/close',
    {
      config: { permission: 'campaign:write' },
      schema: {
        tags: TAGS,
        operationId: 'closeCampaign',
        summary: '结束贯标活动',
        params: IdParams,
        response: { 200: CampaignDetailSchema },
      },
    },
    async (request) => closeCampaign(app.db, contextOf(request), request.params.id),
  );
};

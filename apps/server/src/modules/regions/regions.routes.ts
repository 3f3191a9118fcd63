import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IndustryList, RegionTree } from './regions.schemas';
import { listIndustries, regionTree } from './regions.service';

export const regionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/regions',
    {
      config: { public: true },
      schema: {
        tags: ['登记 registry'],
        operationId: 'listRegions',
        summary: '行政区划树（市 → 县（市、区）及开发区 → 乡镇街道）',
        response: { 200: RegionTree },
      },
    },
    async () => ({ items: await regionTree(app.db) }),
  );
  app.get(
    '/api/industries',
    {
      config: { public: true },
      schema: {
        tags: ['登记 registry'],
        operationId: 'listIndustries',
        summary: '行业目录',
        response: { 200: IndustryList },
      },
    },
    async () => ({ items: await listIndustries(app.db) }),
  );
};

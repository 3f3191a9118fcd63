import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { listAudit } from './audit.service';
import { AuditPage, AuditQuery } from './audit.schemas';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['审计 audit'],
        operationId: 'listAudit',
        summary: '审计日志（按操作人、对象、时间筛选）',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const q: Static<typeof AuditQuery> = request.query;
      return listAudit(app.db, q, q.page ?? 1, q.pageSize ?? 20);
    },
  );
};

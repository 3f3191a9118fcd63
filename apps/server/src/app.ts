import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { DialectName } from './db/database';
import type { DB } from './db/schema';
import { Problem } from './lib/schemas';
import { auditRoutes } from './modules/audit/index';
import { AuditEntrySchema } from './modules/audit/audit.schemas';
import { authRoutes, createAuthService, MeSchema } from './modules/auth/index';
import { enterpriseImportRoutes, enterpriseRoutes, EnterpriseSchema } from './modules/enterprises/index';
import { assessmentRoutes } from './modules/assessments/index';
import { campaignRoutes } from './modules/campaigns/index';
import { certificateRoutes } from './modules/certificates/index';
import { conformanceRoutes } from './modules/conformance/index';
import { frameworkRoutes } from './modules/frameworks/index';
import { healthRoutes } from './modules/health/index';
import { notificationRoutes } from './modules/notifications/index';
import { organizationRoutes } from './modules/organizations/index';
import { regionRoutes, RegionNodeSchema } from './modules/regions/index';
import { userRoutes } from './modules/users/index';
import { baseRoutes, BaseSchema } from './modules/bases/index';
import { criteriaRoutes, CriteriaVersionSchema } from './modules/criteria/index';
import { stationRoutes, StationSchema } from './modules/stations/index';
import { designationRoutes } from './modules/designations/index';
import { programmeRoutes } from './modules/programme/index';
import { secretRoutes } from './modules/secrets/index';
import { attestationRoutes } from './modules/attestations/index';
import { authPlugin } from './plugins/auth';
import { authzPlugin } from './plugins/authz';
import { errorsPlugin, sendProblem } from './plugins/errors';
import { openapiPlugin } from './plugins/openapi';
import { securityPlugin } from './plugins/security';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<DB>;
    dialect: DialectName;
    config: Config;
  }
}

export interface BuildAppOptions {
  db: Kysely<DB>;
  dialect: DialectName;
  config: Config;
  logger?: boolean | { level: string };
  /** Serve the built web app from config.webDistDir when it exists (default true). */
  serveWeb?: boolean;
}

/** The Fastify instance: cross-cutting plugins first, then each module's routes. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Requests Node's parser rejects (bad bytes in the URL, broken headers) still get a problem+json.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) {
        return;
      }
      const body = JSON.stringify({
        type: 'about:blank',
        title: '请求无效',
        status: 400,
        detail: '请求格式错误（URL 或请求头无法解析）',
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      void error;
    },
    ajv: {
      // Unknown fields are errors, not silently dropped: a client's typo should be told, not ignored.
      customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // JSON only (multipart is added by the upload routes): any other body type is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.decorate('db', options.db);
  app.decorate('dialect', options.dialect);
  app.decorate('config', config);
  for (const schema of [Problem, AuditEntrySchema, MeSchema, EnterpriseSchema, RegionNodeSchema]) {
    app.addSchema(schema);
  }
  for (const schema of [StationSchema, BaseSchema, CriteriaVersionSchema]) {
    app.addSchema(schema);
  }

  const auth = createAuthService(options.db, { sessionHours: config.sessionHours });
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(authzPlugin);
  await app.register(authPlugin, { auth });
  await app.register(openapiPlugin, { version: config.version });

  await app.register(healthRoutes);
  await app.register(authRoutes(auth));
  await app.register(regionRoutes);
  await app.register(enterpriseImportRoutes);
  await app.register(enterpriseRoutes);
  await app.register(organizationRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(notificationRoutes);
  await app.register(frameworkRoutes);
  await app.register(campaignRoutes);
  await app.register(assessmentRoutes);
  await app.register(certificateRoutes);
  await app.register(conformanceRoutes);
  await app.register(stationRoutes);
  await app.register(baseRoutes);
  await app.register(criteriaRoutes);
  await app.register(designationRoutes);
  await app.register(programmeRoutes);
  await app.register(secretRoutes);
  await app.register(attestationRoutes);

  const webIndex = path.join(config.webDistDir, 'index.html');
  const serveWeb = (options.serveWeb ?? true) && fs.existsSync(webIndex);
  if (serveWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: config.webDistDir, wildcard: true, index: 'index.html' });
  }
  // Unknown /api paths are problems; anything else is a page of the single-page app.
  app.setNotFoundHandler((request, reply) => {
    const isAsset = request.url.startsWith('/assets/');
    if (
      request.url.startsWith('/api') ||
      isAsset ||
      !serveWeb ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return sendProblem(reply, 404, `接口不存在：${request.method} ${request.url.split('?')[0]}`, {
        code: 'route_not_found',
      });
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** OpenAPI 3.1 from the route schemas, at /api/openapi.json, and the interactive docs at /api/docs. */
export const openapiPlugin = fp(async (app: FastifyInstance, options: { version: string }) => {
  // Every route documents its errors as problem+json; routes without an explicit error schema get this one.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || !route.schema) {
      return;
    }
    const response = (route.schema.response ?? {}) as Record<string, unknown>;
    if (!('4xx' in response) && !('default' in response)) {
      response['4xx'] = { $ref: 'Problem#', description: '错误（application/problem+json, RFC 9457）' };
      response['5xx'] = { $ref: 'Problem#', description: '服务器错误' };
    }
    route.schema.response = response;
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '商密 Shangmi API',
        description: '城市商业秘密保护工作平台接口。错误一律为 application/problem+json（RFC 9457）。',
        version: options.version,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'shangmi_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
});

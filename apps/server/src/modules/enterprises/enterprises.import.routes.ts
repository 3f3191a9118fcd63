import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder: Excel import routes are being written; registered so app.ts need not change.
export const enterpriseImportRoutes: FastifyPluginAsyncTypebox = async () => {};

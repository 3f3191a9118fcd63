import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder while the module is written; registered so app.ts need not change.
export const frameworkRoutes: FastifyPluginAsyncTypebox = async () => {};

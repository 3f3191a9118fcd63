import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Placeholder: the users routes are being written; registered so app.ts need not change.
export const userRoutes: FastifyPluginAsyncTypebox = async () => {};

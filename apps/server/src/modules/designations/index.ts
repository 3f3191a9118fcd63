import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

// Scaffold: this module's routes are registered here (see app.ts).
export const designationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  void app;
};

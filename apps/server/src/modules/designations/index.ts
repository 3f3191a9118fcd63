import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export { countDesignations, designationSpans } from './designations.counts';
export type { DesignationCount, DesignationSpan } from './designations.counts';

// Scaffold: this module's routes are registered here (see app.ts).
export const designationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  void app;
};

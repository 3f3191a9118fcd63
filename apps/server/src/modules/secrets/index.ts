import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export { secretPointExists } from './secrets.contract';

// Scaffold: this module's routes are registered here (see app.ts).
export const secretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  void app;
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../lib/errors';
import { peopleRoutes } from './people.routes';
import { registerAccess } from './secrets.policy';
import { secretPointRoutes } from './secrets.routes';

export { secretPointExists } from './secrets.contract';
export { secretSummary, signingRates, readinessOf, type SecretSummary, type SigningRates } from './secrets.service';
export { runSecretReminders, startSecretJobs } from './secrets.jobs';

/** The enterprise's secret register, personnel, agreements and offboarding (registered in app.ts). */
export const secretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Before body validation (after the route-level permission check): anyone but the enterprise's own
  // users gets the same 404 as for a missing enterprise, whatever they send, so nothing can be probed.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config.permission;
    const enterpriseId = (request.params as { id?: unknown } | undefined)?.id;
    if (
      request.actor &&
      (permission === 'secret:read' || permission === 'secret:write' || permission === 'secret:manage') &&
      (typeof enterpriseId !== 'string' || !registerAccess(request.actor, enterpriseId))
    ) {
      throw notFound('企业');
    }
  });
  await app.register(secretPointRoutes);
  await app.register(peopleRoutes);
};

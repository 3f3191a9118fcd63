import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { peopleRoutes } from './people.routes';
import { secretPointRoutes } from './secrets.routes';

export { secretPointExists } from './secrets.contract';
export { secretSummary, signingRates, readinessOf, type SecretSummary, type SigningRates } from './secrets.service';
export { runSecretReminders, startSecretJobs } from './secrets.jobs';

/**
 * The enterprise's secret register, personnel, agreements and offboarding (registered in app.ts). Outsiders
 * are answered 404 by the route layer before validation (CONCEALED_PERMISSIONS in plugins/authz.ts).
 */
export const secretRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(secretPointRoutes);
  await app.register(peopleRoutes);
};

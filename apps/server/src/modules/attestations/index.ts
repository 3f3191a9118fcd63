import type { FastifyInstance } from 'fastify';
import { logOf } from './attestations.routes';

export { attestationRoutes } from './attestations.routes';

/**
 * Opens the transparency log at server start: loads (or on first start creates, with a warning) the
 * signing key and the tree's right edge, so that the first attestation does not pay for it and a broken
 * log stops the start rather than the first request.
 */
export async function startTransparencyLog(app: FastifyInstance): Promise<void> {
  const log = logOf(app, { createKey: true });
  await log.init();
  const latest = await log.latest();
  app.log.info({ treeSize: latest?.size ?? 0, verifierKey: log.signer.verifierKey }, 'transparency log ready');
}

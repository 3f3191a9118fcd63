import type { FastifyInstance } from 'fastify';
import { today } from '../../lib/calendar';
import { generateReviews, remindDueReviews } from './designations.records';

const FIRST_RUN_DELAY_MS = 20_000;
const INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Dynamic management: every few hours, open this year's annual review task for each designation made
 * before this year, and remind the office of tasks due within 30 days (each reminder once).
 */
export function startDesignationJobs(app: FastifyInstance, options: { intervalMs?: number } = {}): void {
  let running = false;
  let closed = false;
  const run = async () => {
    if (running || closed) {
      return;
    }
    running = true;
    try {
      const year = Number(today().slice(0, 4));
      const generated = await generateReviews(app.db, { actor: null, requestId: 'job', clientIp: 'local' }, year);
      const reminded = await remindDueReviews(app.db);
      if (generated.created > 0 || reminded > 0) {
        app.log.info({ ...generated, reminded }, 'designation reviews');
      }
    } catch (error) {
      app.log.error({ err: error }, 'designation review job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_RUN_DELAY_MS);
  const interval = setInterval(() => void run(), options.intervalMs ?? INTERVAL_MS);
  first.unref();
  interval.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(first);
    clearInterval(interval);
  });
}

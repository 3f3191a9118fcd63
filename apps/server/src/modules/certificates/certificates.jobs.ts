import { CERTIFICATE_DEFAULTS } from '@shangmi/shared';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { systemContext } from '../../lib/context';
import { openAssessment } from '../assessments/index';
import { addDays, cstDate } from './certificates.dates';
import * as repo from './certificates.repo';

export interface RenewalRun {
  /** Certificates within the notice period without a renewal assessment before this run. */
  due: number;
  /** Renewal assessments opened by this run. */
  opened: number;
  /** Certificates that could not be handled (logged); the next run tries again. */
  failed: number;
}

/**
 * Annual re-assessment (年度复评): every valid certificate expiring within
 * CERTIFICATE_DEFAULTS.renewalNoticeDays gets a new self-assessment, due on the certificate's last valid
 * day, against the latest published version of the same standard. Idempotent: a certificate with an
 * assessment that renews it is skipped, and openAssessment itself returns an existing one. Each
 * certificate has its own transaction, so one failure does not hold back the others.
 */
export async function runCertificateRenewals(
  db: Kysely<DB>,
  options: { today?: string; log?: (message: string, error: unknown) => void } = {},
): Promise<RenewalRun> {
  const today = options.today ?? cstDate();
  const due = await repo.certificatesDueForRenewal(db, today, addDays(today, CERTIFICATE_DEFAULTS.renewalNoticeDays));
  const trace = systemContext(null, 'certificate-renewal');
  let opened = 0;
  let failed = 0;
  for (const certificate of due) {
    try {
      const result = await db.transaction().execute(async (trx) =>
        openAssessment(trx, trace, {
          enterpriseId: certificate.enterprise_id,
          standardVersionId: certificate.latest_version_id ?? certificate.standard_version_id,
          renewsCertificateId: certificate.id,
          dueDate: certificate.valid_until,
        }),
      );
      if (result.created) {
        opened += 1;
      }
    } catch (error) {
      failed += 1;
      options.log?.(`renewal of certificate ${certificate.number} failed`, error);
    }
  }
  return { due: due.length, opened, failed };
}

/** How often the renewal job looks for certificates nearing expiry. */
export const RENEWAL_INTERVAL_MS = 6 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 30 * 1000;

/**
 * Starts the scheduled certificate jobs on a running app: the renewal check shortly after start and
 * then every six hours. The timers are unref'd (they never keep the process alive) and stop when the
 * app closes; runs never overlap.
 */
export function startCertificateJobs(app: FastifyInstance, options: { intervalMs?: number } = {}): void {
  let running = false;
  let closed = false;
  const run = async () => {
    if (running || closed) {
      return;
    }
    running = true;
    try {
      const result = await runCertificateRenewals(app.db, {
        log: (message, error) => app.log.error({ err: error }, message),
      });
      if (result.due > 0) {
        app.log.info(result, 'certificate renewals');
      }
    } catch (error) {
      app.log.error({ err: error }, 'certificate renewal job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_RUN_DELAY_MS);
  const interval = setInterval(() => void run(), options.intervalMs ?? RENEWAL_INTERVAL_MS);
  first.unref();
  interval.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(first);
    clearInterval(interval);
  });
}

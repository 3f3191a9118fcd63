import { OFFBOARDING_STEP_LABELS, type OffboardingStep } from '@shangmi/shared';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { nowIso } from '../../lib/ids';
import { notify } from '../notifications/index';
import { cstToday } from './secrets.dates';
import * as repo from './secrets.repo';

export interface ReminderRun {
  overdue: number;
  notified: number;
}

/**
 * Reminds each enterprise admin of offboarding steps past their due date: one notification per step
 * per day at most (dedupe key), high-risk departures first in the title. Idempotent within a day.
 */
export async function runSecretReminders(db: Kysely<DB>, options: { today?: string } = {}): Promise<ReminderRun> {
  const today = options.today ?? cstToday();
  const overdue = await repo.overdueSteps(db, today);
  let notified = 0;
  for (const step of overdue) {
    await db.transaction().execute(async (trx) => {
      const admins = await repo.enterpriseAdmins(trx, step.enterprise_id);
      const label = OFFBOARDING_STEP_LABELS[step.step as OffboardingStep] ?? step.step;
      const risk = Number(step.high_risk) === 1 ? '【高风险】' : '';
      for (const userId of admins) {
        const sent = await notify(trx, {
          kind: 'secret_offboarding_overdue',
          userId,
          title: `${risk}离职办理逾期：${step.personnel_name}「${label}」`,
          body: `${step.personnel_name} 的离职办理步骤「${label}」应于 ${step.due_on} 前完成，目前尚未完成。`,
          link: `/secrets/offboardings/${step.offboarding_id}`,
          dedupeKey: `secret-offboarding:${step.offboarding_id}:${step.step}:${today}`,
        });
        if (sent) {
          notified += 1;
        }
      }
      await repo.updateStep(trx, step.offboarding_id, step.step, { reminded_at: nowIso() });
    });
  }
  return { overdue: overdue.length, notified };
}

export const SECRET_REMINDER_INTERVAL_MS = 6 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 45 * 1000;

/** Starts the overdue-step reminder on a running app (unref'd timers, stopped on close, never overlapping). */
export function startSecretJobs(app: FastifyInstance, options: { intervalMs?: number } = {}): void {
  let running = false;
  let closed = false;
  const run = async () => {
    if (running || closed) {
      return;
    }
    running = true;
    try {
      const result = await runSecretReminders(app.db);
      if (result.notified > 0) {
        app.log.info(result, 'secret register: offboarding reminders');
      }
    } catch (error) {
      app.log.error({ err: error }, 'secret register reminder job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_RUN_DELAY_MS);
  const interval = setInterval(() => void run(), options.intervalMs ?? SECRET_REMINDER_INTERVAL_MS);
  first.unref();
  interval.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(first);
    clearInterval(interval);
  });
}

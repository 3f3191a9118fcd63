import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { systemContext } from '../../lib/context';
import { writeAudit } from '../audit/index';
import { notify, type NotificationKind } from '../notifications/index';
import { isMobileNumber, loggingChannels, type MessageChannels } from './programme.channels';
import { cstToday } from './programme.dates';
import * as repo from './programme.repo';

export interface OverdueRun {
  /** Items found overdue and not yet notified for their current deadline. */
  overdue: number;
  notified: number;
  failed: number;
}

// The inbox's kind list belongs to the notifications module; this kind is the programme's.
const OVERDUE_KIND: NotificationKind = 'workitem_overdue';

/**
 * Overdue work items (deadline passed, not done) notify the owning unit and the task force office once
 * per deadline: in the inbox (in the same transaction that marks the item notified), then by SMS and
 * e-mail through the channels (log only by default). A new deadline re-arms the notice.
 */
export async function runOverdueCheck(
  db: Kysely<DB>,
  options: { today?: string; channels?: MessageChannels; log?: (message: string, error: unknown) => void } = {},
): Promise<OverdueRun> {
  const today = options.today ?? cstToday();
  const channels = options.channels ?? loggingChannels({ info: () => undefined });
  const items = await repo.overdueUnnotified(db, today);
  const trace = systemContext(null, 'workitem-overdue');
  let notified = 0;
  let failed = 0;
  for (const item of items) {
    const title = `工作事项已逾期：${item.title}`;
    const body = `责任单位：${item.owner_name}；完成时限：${item.deadline}。请尽快推进并报送进展。`;
    const link = `/programme/work-items/${item.id}`;
    try {
      await db.transaction().execute(async (trx) => {
        await notify(trx, {
          kind: OVERDUE_KIND,
          organizationId: item.owner_organization_id,
          title,
          body,
          link,
          dedupeKey: `workitem-overdue:${item.id}:${item.deadline}:owner`,
        });
        if (item.office_organization_id && item.office_organization_id !== item.owner_organization_id) {
          await notify(trx, {
            kind: OVERDUE_KIND,
            organizationId: item.office_organization_id,
            title,
            body,
            link,
            dedupeKey: `workitem-overdue:${item.id}:${item.deadline}:office`,
          });
        }
        await repo.updateWorkItem(trx, item.id, { overdue_notified_on: today });
        await writeAudit(trx, trace, {
          action: 'overdue_notice',
          entityType: 'work_item',
          entityId: item.id,
          changedFields: ['overdue_notified_on'],
        });
      });
      notified += 1;
      if (isMobileNumber(item.contact_phone)) {
        await channels.sms(item.contact_phone, `${title}（${body}）`);
      }
      if (item.contact_email) {
        await channels.email(item.contact_email, title, body);
      }
    } catch (error) {
      failed += 1;
      options.log?.(`overdue notice for work item ${item.id} failed`, error);
    }
  }
  return { overdue: items.length, notified, failed };
}

export const OVERDUE_INTERVAL_MS = 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 45 * 1000;

/**
 * Starts the hourly overdue check on a running app (timers unref'd, stopped when the app closes, runs
 * never overlap). Messages go through `channels` (default: the app's log).
 */
export function startProgrammeJobs(
  app: FastifyInstance,
  options: { intervalMs?: number; channels?: MessageChannels } = {},
): void {
  const channels = options.channels ?? loggingChannels(app.log);
  let running = false;
  let closed = false;
  const run = async () => {
    if (running || closed) {
      return;
    }
    running = true;
    try {
      const result = await runOverdueCheck(app.db, {
        channels,
        log: (message, error) => app.log.error({ err: error }, message),
      });
      if (result.overdue > 0) {
        app.log.info(result, 'work item overdue notices');
      }
    } catch (error) {
      app.log.error({ err: error }, 'work item overdue job failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), FIRST_RUN_DELAY_MS);
  const interval = setInterval(() => void run(), options.intervalMs ?? OVERDUE_INTERVAL_MS);
  first.unref();
  interval.unref();
  app.addHook('onClose', async () => {
    closed = true;
    clearTimeout(first);
    clearInterval(interval);
  });
}

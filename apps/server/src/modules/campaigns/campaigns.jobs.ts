import type { FastifyInstance } from 'fastify';
import { runCampaignReminders } from './campaigns.service';

export interface ScheduledJob {
  /** Runs the job now (and waits for it); a run already in progress is awaited instead. */
  runNow: () => Promise<void>;
  stop: () => void;
}

/**
 * Starts the campaign reminder job: once shortly after start, then every `intervalMs` (hourly by
 * default). Timers are unref'd, so they never keep the process alive, and stop when the app closes
 * (call this before `app.listen`/`app.ready`; afterwards Fastify refuses new hooks and the caller must
 * call `stop()` itself).
 */
export function startCampaignReminders(
  app: FastifyInstance,
  options: { intervalMs?: number; firstRunMs?: number } = {},
): ScheduledJob {
  const intervalMs = options.intervalMs ?? 60 * 60 * 1000;
  let running: Promise<void> | null = null;
  let stopped = false;
  const runNow = (): Promise<void> => {
    if (stopped) {
      return Promise.resolve();
    }
    running ??= runCampaignReminders(app.db)
      .then(({ sent }) => {
        if (sent > 0) {
          app.log.info({ sent }, 'campaign reminders sent');
        }
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'campaign reminders failed');
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = setTimeout(() => void runNow(), options.firstRunMs ?? 10_000);
  first.unref();
  const interval = setInterval(() => void runNow(), intervalMs);
  interval.unref();
  const stop = () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(interval);
  };
  try {
    app.addHook('onClose', async () => {
      stop();
      await running;
    });
  } catch {
    // The app is already started: the caller stops the job.
  }
  return { runNow, stop };
}

import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loadConfig, type Config } from './config';
import { migrateToLatest, openDatabase, type Database } from './db/database';
import { startCampaignReminders } from './modules/campaigns/index';
import { startCertificateJobs } from './modules/certificates/index';
import { installMasterKey, resolveMasterKey } from './lib/keyring';
import { startSecretJobs } from './modules/secrets/index';
import { startTransparencyLog } from './modules/attestations/index';
import { startDesignationJobs } from './modules/designations/index';
import { startProgrammeJobs } from './modules/programme/index';
import { isEmpty, seedDemo } from './seed/seed.service';

export function databaseFor(config: Config): Database {
  return openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: path.join(config.dataDir, 'shangmi.db') });
}

/** Reads config, opens and migrates the database, seeds demo data when asked and empty, listens. */
export async function serve(options: { demo: boolean }): Promise<FastifyInstance> {
  const config = loadConfig();
  const database = databaseFor(config);
  await migrateToLatest(database.db);
  // The secret register's master key (ADR 0005): from SHANGMI_MASTER_KEY or <dataDir>/master.key; only
  // demo mode makes one by itself. Without one a production server refuses to start.
  const masterKey = resolveMasterKey(config.dataDir, { demo: options.demo });
  installMasterKey(masterKey);
  const app = await buildApp({
    db: database.db,
    dialect: database.dialect,
    config,
    logger: { level: config.logLevel },
  });
  if (masterKey.created) {
    app.log.warn(
      { keyFile: masterKey.source },
      'demo mode: made a new master key for the secret register in the data directory; set SHANGMI_MASTER_KEY (or keep the key file out of backups of the database) in production',
    );
  }
  if (options.demo && (await isEmpty(database.db))) {
    app.log.info(
      'empty database: loading demo data (Liaocheng regions, departments, ~200 synthetic enterprises, demo accounts)',
    );
    await seedDemo(database.db, config.demoPassword);
  }
  // Background work (timers are unref'd and stop when the app closes): campaign deadline reminders and
  // certificate renewals. Registered before listen: Fastify accepts no hooks once the app is ready.
  startCampaignReminders(app);
  startCertificateJobs(app);
  startSecretJobs(app);
  // The transparency log: signing key (made on first start, with a warning) and the tree's right edge.
  await startTransparencyLog(app);
  startDesignationJobs(app);
  // Overdue work items notify their owning unit and the task force office (inbox; SMS/e-mail adapter logs).
  startProgrammeJobs(app);
  // For benchmarks: the event loop's delay while serving, printed as one JSON line at shutdown.
  if (process.env.SHANGMI_EVENT_LOOP_STATS === '1') {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    app.addHook('onClose', async () => {
      histogram.disable();
      const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
      process.stdout.write(
        `${JSON.stringify({ eventLoopDelayP50Ms: ms(histogram.percentile(50)), eventLoopDelayP99Ms: ms(histogram.percentile(99)), eventLoopDelayMaxMs: ms(histogram.max) })}\n`,
      );
    });
  }
  // Last, so that jobs and requests still running at shutdown finish with the database open.
  app.addHook('onClose', async () => database.close());
  await app.listen({ port: config.port, host: config.host });
  const shutdown = (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  return app;
}

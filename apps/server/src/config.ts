import path from 'node:path';

/** Everything the server reads from its environment, with defaults, in one typed place. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demoPassword: string;
  sessionHours: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  webDistDir: string;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  version: string;
  /** The transparency log's origin line (and its note key name). */
  tlogOrigin: string;
  /** The log's Ed25519 signing key (`PRIVATE+KEY+…`); null: a key file in the data directory, made on first start. */
  tlogSigningKey: string | null;
}

export const VERSION = '0.1.0';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.SHANGMI_DATA_DIR ?? path.join(process.cwd(), 'data'));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    demoPassword: env.SHANGMI_DEMO_PASSWORD ?? 'Shangmi@2025',
    sessionHours: Number(env.SHANGMI_SESSION_HOURS ?? 8),
    bodyLimitBytes: 1024 * 1024,
    uploadLimitBytes: 20 * 1024 * 1024,
    webDistDir: path.resolve(env.SHANGMI_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    secureCookies: env.SHANGMI_SECURE_COOKIES === 'true',
    trustProxy: env.SHANGMI_TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    version: VERSION,
    tlogOrigin: env.SHANGMI_LOG_ORIGIN ?? 'shangmi.liaocheng/attestations',
    tlogSigningKey: env.SHANGMI_LOG_KEY && env.SHANGMI_LOG_KEY.length > 0 ? env.SHANGMI_LOG_KEY : null,
  };
}

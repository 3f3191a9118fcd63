import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app';
import { loadConfig, type Config } from '../src/config';
import { migrateToLatest, openDatabase, type DialectName } from '../src/db/database';
import type { DB } from '../src/db/schema';
import { seedBase, seedDemo } from '../src/seed/seed.service';

export const DEMO_PASSWORD = 'Shangmi@2025';

/**
 * A database for one test file: SQLite in memory, or — when DATABASE_URL names PostgreSQL — a fresh
 * schema in that database, dropped again by `close()`.
 */
export async function createTestDatabase(): Promise<{
  db: Kysely<DB>;
  dialect: DialectName;
  close: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const database = openDatabase({ databaseUrl: url, sqlitePath: ':memory:', pgSchema: schema });
    await migrateToLatest(database.db);
    return {
      db: database.db,
      dialect: database.dialect,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        await cleanup.query(`drop schema ${schema} cascade`);
        await cleanup.end();
      },
    };
  }
  const database = openDatabase({ databaseUrl: null, sqlitePath: ':memory:' });
  await migrateToLatest(database.db);
  return database;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** app.inject with this session's cookie and CSRF token. */
  inject: (options: InjectOptions) => Promise<LightMyRequestResponse>;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
  patch: (url: string, payload?: unknown) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  dialect: DialectName;
  /** Logs in a demo (or any) account and returns a session helper. */
  login: (username: string, password?: string) => Promise<Session>;
  close: () => Promise<void>;
}

/** Builds the real app on a fresh database; `seed: 'demo'` loads the demo data set (with 20 synthetic enterprises). */
export async function createTestApp(
  options: { seed?: 'demo' | 'base' | 'none'; syntheticCount?: number; config?: Partial<Config> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  if (options.seed === 'demo' || options.seed === undefined) {
    await seedDemo(database.db, DEMO_PASSWORD, options.syntheticCount ?? 20);
  } else if (options.seed === 'base') {
    await seedBase(database.db);
  }
  const config: Config = { ...loadConfig({}), dataDir: '/nonexistent-test-data-dir', ...options.config };
  const app = await buildApp({ db: database.db, dialect: database.dialect, config, serveWeb: false });
  await app.ready();

  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (response.statusCode !== 200) {
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    }
    const setCookie = response.cookies.find((c) => c.name === 'shangmi_sid');
    if (!setCookie) {
      throw new Error('no session cookie');
    }
    const cookie = `shangmi_sid=${setCookie.value}`;
    const csrfToken = response.json<{ csrfToken: string }>().csrfToken;
    const inject = (opts: InjectOptions) =>
      app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrfToken, ...(opts.headers ?? {}) } });
    return {
      cookie,
      csrfToken,
      inject,
      get: (url) => inject({ method: 'GET', url }),
      post: (url, payload) =>
        inject({
          method: 'POST',
          url,
          ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
        }),
      patch: (url, payload) => inject({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
    };
  };

  return {
    app,
    db: database.db,
    dialect: database.dialect,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Region id by code (e.g. '371524' 东阿县). */
export async function regionId(db: Kysely<DB>, code: string): Promise<string> {
  const row = await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

export async function enterpriseIdByName(db: Kysely<DB>, name: string): Promise<string> {
  const row = await db.selectFrom('organizations').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

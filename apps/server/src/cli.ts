import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import { LIMITS, ROLES } from '@shangmi/shared';
import { buildApp } from './app';
import { loadConfig } from './config';
import { migrateToLatest, openDatabase } from './db/database';
import { newId, nowIso } from './lib/ids';
import { hashPassword, passwordPolicyProblem } from './lib/password';
import { databaseFor, serve } from './main';
import { verifyAuditChain, writeAudit } from './modules/audit/index';
import { rebuildConformanceTallies } from './modules/conformance/index';
import { findUserByUsername, insertUser } from './modules/users/index';
import { registerLogCommands } from './modules/attestations/cli';
import { registerSecretCommands } from './modules/secrets/cli';
import { isEmpty, seedBase, seedDemo, seedScale } from './seed/seed.service';
import { seedProvinceScale } from './seed/province-scale';

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Do not echo what is typed.
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(prompt);
  output._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new InvalidArgumentError('需要 1 到 1000000 之间的整数');
  }
  return n;
}

async function withDatabase<T>(fn: (db: ReturnType<typeof databaseFor>) => Promise<T>, migrate = true): Promise<T> {
  const database = databaseFor(loadConfig());
  try {
    if (migrate) {
      await migrateToLatest(database.db);
    }
    return await fn(database);
  } finally {
    await database.close();
  }
}

const program = new Command();
program.name('shangmi').description('商密 Shangmi — 城市商业秘密保护工作平台').version(loadConfig().version);

program
  .command('serve')
  .description('迁移数据库并启动服务（--demo：数据库为空时载入演示数据）')
  .option('--demo', '载入演示数据（仅当数据库为空）', false)
  .action(async (options: { demo: boolean }) => {
    await serve({ demo: options.demo });
  });

program
  .command('migrate')
  .description('执行数据库迁移')
  .action(async () => {
    const applied = await withDatabase((d) => migrateToLatest(d.db), false);
    console.log(applied.length > 0 ? `已执行迁移：${applied.join(', ')}` : '数据库已是最新');
  });

program
  .command('seed')
  .description('载入数据：--demo 演示数据；--scale N 合成 N 家企业（基准测试用）；无参数仅载入区域与部门')
  .option('--demo', '演示数据（区域、部门、约200家合成企业、演示账号）')
  .option('--scale <n>', '合成企业数量', positiveInt)
  .option('--province', '省级规模基准数据：16 个模拟地市、5 万家企业、2000 个授牌、2 万张贯标证书及省级工作方案')
  .action(async (options: { demo?: boolean; scale?: number; province?: boolean }) => {
    await withDatabase(async ({ db }) => {
      if (options.demo) {
        if (!(await isEmpty(db))) {
          console.error('数据库中已有用户，未载入演示数据（演示数据只载入空数据库）');
          process.exitCode = 1;
          return;
        }
        await seedDemo(db, loadConfig().demoPassword);
        console.log('已载入演示数据');
      }
      if (options.scale) {
        const started = Date.now();
        await seedScale(db, options.scale);
        console.log(`已合成 ${options.scale} 家企业，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
      }
      if (options.province) {
        const started = Date.now();
        const counts = await seedProvinceScale(db);
        console.log(
          `已载入省级规模数据 ${JSON.stringify(counts)}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`,
        );
      }
      if (!options.demo && !options.scale && !options.province) {
        await seedBase(db);
        console.log('已载入区域、行业与部门');
      }
    });
  });

const admin = program.command('admin').description('管理员账号');
admin
  .command('create')
  .description('创建市级管理员（密码从标准输入读取，或交互输入）')
  .requiredOption('--username <username>', '用户名')
  .option('--display-name <name>', '显示名称', '系统管理员')
  .option('--role <role>', `角色（${ROLES.join(', ')}）`, 'city_admin')
  .option('--organization <name>', '所属机构名称', '市市场监管局')
  .action(async (options: { username: string; displayName: string; role: string; organization: string }) => {
    if (!(ROLES as readonly string[]).includes(options.role)) {
      console.error(`未知角色：${options.role}`);
      process.exitCode = 2;
      return;
    }
    const password = await readPassword('密码：');
    const problem = passwordPolicyProblem(password, LIMITS.passwordMin);
    if (problem) {
      console.error(problem);
      process.exitCode = 2;
      return;
    }
    await withDatabase(async ({ db }) => {
      await seedBase(db);
      if (await findUserByUsername(db, options.username)) {
        console.error(`用户名 ${options.username} 已存在`);
        process.exitCode = 1;
        return;
      }
      const org = await db
        .selectFrom('organizations')
        .select('id')
        .where('name', '=', options.organization)
        .executeTakeFirst();
      if (!org) {
        console.error(`未找到机构：${options.organization}`);
        process.exitCode = 1;
        return;
      }
      const at = nowIso();
      const id = newId();
      const hash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await insertUser(
          trx,
          {
            id,
            username: options.username,
            display_name: options.displayName,
            password_hash: hash,
            organization_id: org.id,
            status: 'active',
            created_at: at,
            updated_at: at,
            last_login_at: null,
          },
          [options.role],
        );
        await writeAudit(
          trx,
          { actor: null, requestId: 'cli', clientIp: 'local' },
          {
            action: 'create',
            entityType: 'user',
            entityId: id,
            changedFields: ['username', 'displayName', 'roles', 'organizationId'],
          },
        );
      });
      console.log(`已创建用户 ${options.username}（${options.role}）`);
    });
  });

const audit = program.command('audit').description('审计链');
audit
  .command('verify')
  .description('逐条校验审计链；发现断裂时以非零状态退出并指出第一条断裂记录')
  .action(async () => {
    const result = await withDatabase(({ db }) => verifyAuditChain(db));
    if (result.ok) {
      console.log(`审计链完整：共 ${result.records} 条记录，链头 #${result.headSeq}`);
    } else {
      console.error(
        `审计链断裂：${result.reason}（第一条断裂记录 #${result.brokenSeq}，之前 ${result.records} 条完好）`,
      );
      process.exitCode = 1;
    }
  });

program
  .command('tallies')
  .description('从已提交/已通过的自评重新计算贯标统计计数（修复用）')
  .action(async () => {
    await withDatabase(({ db }) => rebuildConformanceTallies(db));
    console.log('已重新计算贯标统计计数');
  });

program
  .command('openapi')
  .description('输出 OpenAPI 文档')
  .option('--out <file>', '写入文件（默认标准输出）')
  .action(async (options: { out?: string }) => {
    const config = loadConfig();
    const database = openDatabase({ databaseUrl: null, sqlitePath: ':memory:' });
    const app = await buildApp({ db: database.db, dialect: database.dialect, config, serveWeb: false });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    await database.close();
    if (options.out) {
      fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
      fs.writeFileSync(options.out, text);
    } else {
      process.stdout.write(text);
    }
  });

registerSecretCommands(program);
registerLogCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

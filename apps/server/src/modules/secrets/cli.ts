import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { loadConfig } from '../../config';
import { migrateToLatest } from '../../db/database';
import {
  MASTER_KEY_FILE,
  masterKeyFrom,
  newMasterKey,
  parseKey,
  resolveMasterKey,
  rewrapAllDataKeys,
} from '../../lib/keyring';
import { databaseFor } from '../../main';

/**
 * `shangmi keys rotate`: a new master key re-wraps every enterprise's data key in one transaction.
 * With a key file, the new key replaces `<dataDir>/master.key` (the old one is kept beside it as
 * `master.key.retired-<time>` for backups made before the rotation; destroy it when they expire).
 * With SHANGMI_MASTER_KEY, the new key is written to `<dataDir>/master.key.new`: set the variable to it,
 * restart, and delete the file.
 */
export async function rotateMasterKey(
  db: Kysely<DB>,
  dataDir: string,
  options: { newKeyFile?: string } = {},
): Promise<{
  rewrapped: number;
  newKeyId: string;
  keyFile: string;
  envSource: boolean;
}> {
  const current = resolveMasterKey(dataDir, { demo: false });
  let next = newMasterKey('rotation');
  if (options.newKeyFile) {
    const key = parseKey(fs.readFileSync(options.newKeyFile, 'utf8'));
    if (!key) {
      throw new Error(`${options.newKeyFile} does not hold a 32-byte key (base64 or hex)`);
    }
    next = masterKeyFrom(key, options.newKeyFile);
  }
  if (next.id === current.id) {
    throw new Error('the new master key is the same as the current one');
  }
  const pending = path.join(dataDir, `${MASTER_KEY_FILE}.new`);
  fs.writeFileSync(pending, `${next.key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  let result;
  try {
    result = await rewrapAllDataKeys(db, current, next);
  } catch (error) {
    fs.rmSync(pending, { force: true });
    throw error;
  }
  const envSource = current.source === 'env';
  if (!envSource) {
    const active = path.join(dataDir, MASTER_KEY_FILE);
    fs.renameSync(active, `${active}.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    fs.renameSync(pending, active);
  }
  return { ...result, keyFile: envSource ? pending : path.join(dataDir, MASTER_KEY_FILE), envSource };
}

/** The secret register's commands, added to the shangmi CLI. */
export function registerSecretCommands(program: Command): void {
  const keys = program.command('keys').description('商业秘密加密密钥');
  keys
    .command('rotate')
    .description('轮换主密钥：用新主密钥重新封装每个企业的数据密钥（内容密文不变）')
    .option('--new-key-file <file>', '使用该文件中的新主密钥（32 字节，base64 或 hex）；默认随机生成')
    .action(async (options: { newKeyFile?: string }) => {
      const config = loadConfig();
      const database = databaseFor(config);
      let result;
      try {
        await migrateToLatest(database.db);
        result = await rotateMasterKey(database.db, config.dataDir, options);
      } finally {
        await database.close();
      }
      console.log(`已用新主密钥（指纹 ${result.newKeyId}）重新封装 ${result.rewrapped} 个企业数据密钥`);
      if (result.envSource) {
        console.log(
          `新主密钥已写入 ${result.keyFile}：请将 SHANGMI_MASTER_KEY 设为该文件内容并重启服务，然后删除该文件`,
        );
      } else {
        console.log(`新主密钥已写入 ${result.keyFile}；旧密钥保留为 *.retired-*，旧备份过期后请销毁`);
      }
    });
  keys
    .command('status')
    .description('显示主密钥来源与指纹')
    .action(() => {
      const key = resolveMasterKey(loadConfig().dataDir, { demo: false });
      console.log(`主密钥来源：${key.source === 'env' ? 'SHANGMI_MASTER_KEY' : key.source}；指纹：${key.id}`);
    });
}

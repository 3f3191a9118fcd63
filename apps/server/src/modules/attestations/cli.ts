import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { RECEIPT_FORMAT, type AttestationReceipt } from '@shangmi/shared';
import { InvalidArgumentError, type Command } from 'commander';
import { loadConfig } from '../../config';
import { migrateToLatest } from '../../db/database';
import { databaseFor } from '../../main';
import { hasLogKey, loadLogSigner } from './log-key';
import { monitorOnce, readMonitorState, writeMonitorState, type MonitorState } from './log-monitor';
import { verifyLog } from './log-verify';
import { hashFile, verifyReceipt } from './receipt-verify';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError('需要正数');
  }
  return n;
}

/** The transparency log's commands (log verify, log monitor, verify --receipt), added to the shangmi CLI. */
export function registerLogCommands(program: Command): void {
  const log = program.command('log').description('存证透明日志');

  log
    .command('verify')
    .description('由存储的条目重算整棵树，校验每个节点哈希、每个已签发检查点（根哈希与签名）及企业存证记录')
    .option('--public-key <key>', '日志的 note 验证公钥（默认：SHANGMI_LOG_KEY 或数据目录中的签名密钥）')
    .action(async (options: { publicKey?: string }) => {
      const config = loadConfig();
      if (!options.publicKey && !hasLogKey(config)) {
        console.error(
          `未找到日志签名密钥（SHANGMI_LOG_KEY 或 ${config.dataDir}/log-signing.key）：请用 --public-key 指定日志公钥`,
        );
        process.exitCode = 2;
        return;
      }
      const verifierKey =
        options.publicKey ?? loadLogSigner(config, { warn: (m) => console.error(m) }, { create: false }).verifierKey;
      const database = databaseFor(config);
      try {
        await migrateToLatest(database.db);
        const started = Date.now();
        const result = await verifyLog(database.db, verifierKey);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (result.ok) {
          console.log(
            `透明日志完整：${result.entries} 条条目重算的树与全部 ${result.checkpoints} 个已签发检查点一致，签名均有效；${result.attestations} 条企业存证记录与条目相符（用时 ${seconds} 秒）`,
          );
        } else {
          console.error(`透明日志校验失败（${result.entries} 条条目，${result.checkpoints} 个检查点）：`);
          for (const line of result.problems) {
            console.error(`  - ${line}`);
          }
          process.exitCode = 1;
        }
      } finally {
        await database.close();
      }
    });

  log
    .command('monitor')
    .description('定期获取日志检查点，用一致性证明核对前后检查点，发现分叉即报告（退出码 1）')
    .requiredOption('--url <url>', '平台地址，例如 https://shangmi.example.cn')
    .option('--public-key <key>', '日志的 note 验证公钥（默认：首次从 /api/log/public-key 获取并提示）')
    .option('--interval <seconds>', '两次获取之间的秒数', positive, 30)
    .option('--count <n>', '获取次数后退出（默认一直运行）', positive)
    .option('--state <file>', '保存最近一次检查点的文件（下次运行从这里接着核对）')
    .action(async (options: { url: string; publicKey?: string; interval: number; count?: number; state?: string }) => {
      let key = options.publicKey;
      if (!key) {
        const res = await fetch(`${options.url.replace(/\/+$/, '')}/api/log/public-key`);
        if (!res.ok) {
          console.error(`无法获取公钥：HTTP ${res.status}`);
          process.exitCode = 2;
          return;
        }
        key = (await res.text()).trim();
        console.log(`使用日志公布的公钥 ${key}（请与可信渠道公布的公钥核对，并以 --public-key 固定）`);
      }
      let state: MonitorState | null = readMonitorState(options.state);
      for (let round = 1; options.count === undefined || round <= options.count; round++) {
        const { event, state: next } = await monitorOnce(options.url, key, state);
        const line = `${new Date().toISOString()} ${event.message}`;
        if (event.kind === 'fork') {
          console.error(line);
          process.exitCode = 1;
          return;
        }
        if (event.kind === 'error') {
          console.error(line);
          process.exitCode = 2;
        } else {
          console.log(line);
        }
        state = next;
        writeMonitorState(options.state, state);
        if (options.count === undefined || round < options.count) {
          await sleep(options.interval * 1000);
        }
      }
    });

  program
    .command('verify')
    .description('离线核验存证回执：重算文件哈希、条目、包含证明与检查点签名（无需连接服务器）')
    .requiredOption('--receipt <file>', '回执 JSON 文件')
    .option('--public-key <key>', '日志的 note 验证公钥（默认使用回执中嵌入的公钥）')
    .argument('<file>', '被存证的原文件')
    .action(async (file: string, options: { receipt: string; publicKey?: string }) => {
      let receipt: AttestationReceipt;
      try {
        receipt = JSON.parse(fs.readFileSync(options.receipt, 'utf8')) as AttestationReceipt;
        if ((receipt.format as string) !== RECEIPT_FORMAT) {
          throw new Error(`不是 ${String(RECEIPT_FORMAT)} 回执`);
        }
      } catch (error) {
        console.error(
          `核验失败：无法读取回执 ${options.receipt}：${error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = 1;
        return;
      }
      let fileHash: string;
      try {
        fileHash = await hashFile(file);
      } catch (error) {
        console.error(`核验失败：无法读取文件 ${file}：${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
        return;
      }
      const result = verifyReceipt(receipt, fileHash, options.publicKey);
      if (result.ok) {
        for (const line of result.lines) {
          console.log(line);
        }
      } else {
        console.error('核验失败：');
        for (const line of result.lines) {
          console.error(`  - ${line}`);
        }
        process.exitCode = 1;
      }
    });
}

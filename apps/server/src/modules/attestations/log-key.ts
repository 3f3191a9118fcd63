import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { formatSignerKey, generateSigner, parseSignerKey, type LogSigner } from './checkpoint';

export const LOG_KEY_FILE = 'log-signing.key';

export interface KeyLogger {
  warn: (message: string) => void;
}

/**
 * The log's signing key: SHANGMI_LOG_KEY when set, else `<data dir>/log-signing.key`, made on first
 * start (mode 0600) with a warning — like the demo password, fine for a pilot, to be replaced by a key
 * held outside the server (and backed up: checkpoints signed with a lost key can no longer be extended
 * under the same verifier key). With `create` false (tests, an app built without `serve`), a missing key
 * is replaced by a temporary one, said so, and nothing is written.
 */
/** Whether a signing key is configured (environment or key file), without making one. */
export function hasLogKey(config: Config): boolean {
  return config.tlogSigningKey !== null || fs.existsSync(path.join(config.dataDir, LOG_KEY_FILE));
}

export function loadLogSigner(config: Config, logger: KeyLogger, options: { create: boolean }): LogSigner {
  if (config.tlogSigningKey) {
    const signer = parseSignerKey(config.tlogSigningKey);
    if (signer.name !== config.tlogOrigin) {
      throw new Error(`SHANGMI_LOG_KEY is named ${signer.name}, the log's origin is ${config.tlogOrigin}`);
    }
    return signer;
  }
  const file = path.join(config.dataDir, LOG_KEY_FILE);
  if (fs.existsSync(file)) {
    const signer = parseSignerKey(fs.readFileSync(file, 'utf8'));
    if (signer.name !== config.tlogOrigin) {
      throw new Error(`${file} is named ${signer.name}, the log's origin is ${config.tlogOrigin}`);
    }
    return signer;
  }
  const signer = generateSigner(config.tlogOrigin);
  if (!options.create) {
    // Only the server's start (main.ts) writes the key file; anything else never leaves a key behind.
    logger.warn(`transparency log: no signing key (SHANGMI_LOG_KEY or ${file}); using a temporary key`);
    return signer;
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  // wx: never overwrite a key another process wrote in the meantime.
  fs.writeFileSync(file, `${formatSignerKey(signer)}\n`, { mode: 0o600, flag: 'wx' });
  logger.warn(
    `transparency log: created a new signing key in ${file} (verifier key ${signer.verifierKey}). ` +
      'Back it up, or set SHANGMI_LOG_KEY: checkpoints can only be verified with this key.',
  );
  return signer;
}

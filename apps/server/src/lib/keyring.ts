import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from './errors';
import { nowIso } from './ids';

/**
 * Encryption at rest for the secret register (ADR 0005): each enterprise has its own random 256-bit
 * data key; contents are sealed with AES-256-GCM under that key, bound by the AAD to the row and
 * column they belong to (a ciphertext copied into another row does not open). Data keys are stored
 * wrapped (AES-256-GCM) by the master key, which never touches the database: it comes from
 * SHANGMI_MASTER_KEY (base64 or hex of 32 bytes) or from `<dataDir>/master.key`.
 */

export const MASTER_KEY_FILE = 'master.key';
const SEALED_PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface MasterKey {
  key: Buffer;
  /** Where it came from: 'env', the file's path, or 'ephemeral (tests)'. */
  source: string;
  /** SHA-256 fingerprint (16 hex): which master key wraps a data key, without revealing it. */
  id: string;
}

export const masterKeyId = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** Parses a 32-byte key written as base64 or hex; null when it is not one. */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) {
    return Buffer.from(trimmed, 'hex');
  }
  const decoded = Buffer.from(trimmed, 'base64');
  return decoded.length === 32 && /^[A-Za-z0-9+/=_-]+$/.test(trimmed) ? decoded : null;
}

const toMasterKey = (key: Buffer, source: string): MasterKey => ({ key, source, id: masterKeyId(key) });

let installed: MasterKey | null = null;
let ephemeral: MasterKey | null = null;
const dataKeyCache = new Map<string, { key: Buffer; masterId: string }>();

/** Makes `key` the process's master key (serve, CLI, tests). Clears the cache of unwrapped data keys. */
export function installMasterKey(key: MasterKey | null): void {
  installed = key;
  dataKeyCache.clear();
}

export interface ResolvedMasterKey extends MasterKey {
  /** True when this call made a new key file (demo mode): the caller logs a warning. */
  created: boolean;
}

/**
 * Finds the master key for a server or a command: SHANGMI_MASTER_KEY, else `<dataDir>/master.key`;
 * in demo mode a missing key is made (file mode 0600) and `created` says so. Outside demo mode a
 * missing key is an error: a production server never invents the key that its data depends on.
 */
export function resolveMasterKey(
  dataDir: string,
  options: { demo: boolean; env?: NodeJS.ProcessEnv },
): ResolvedMasterKey {
  const env = options.env ?? process.env;
  const fromEnv = env.SHANGMI_MASTER_KEY;
  if (fromEnv && fromEnv.length > 0) {
    const key = parseKey(fromEnv);
    if (!key) {
      throw new Error('SHANGMI_MASTER_KEY must be 32 bytes written as base64 or hex');
    }
    return { ...toMasterKey(key, 'env'), created: false };
  }
  const file = path.join(dataDir, MASTER_KEY_FILE);
  if (fs.existsSync(file)) {
    const key = parseKey(fs.readFileSync(file, 'utf8'));
    if (!key) {
      throw new Error(`${file} does not hold a 32-byte key (base64 or hex)`);
    }
    return { ...toMasterKey(key, file), created: false };
  }
  if (!options.demo) {
    throw new Error(
      `no master key: set SHANGMI_MASTER_KEY (32 bytes, base64) or create ${file} (e.g. \`openssl rand -base64 32 > ${file}\`); ` +
        'only `serve --demo` makes one by itself',
    );
  }
  const key = randomBytes(32);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return { ...toMasterKey(key, file), created: true };
}

/**
 * The process's master key: the installed one, else SHANGMI_MASTER_KEY. Under Vitest (no server
 * start) a random per-process key stands in, so route tests need no key file. Otherwise 503.
 */
export function currentMasterKey(): MasterKey {
  if (installed) {
    return installed;
  }
  const fromEnv = process.env.SHANGMI_MASTER_KEY;
  const key = fromEnv ? parseKey(fromEnv) : null;
  if (key) {
    installed = toMasterKey(key, 'env');
    return installed;
  }
  if (process.env.VITEST) {
    ephemeral ??= toMasterKey(randomBytes(32), 'ephemeral (tests)');
    return ephemeral;
  }
  throw new AppError('secret_key_unavailable', 503, '主密钥未配置，商业秘密内容暂不可用，请联系系统管理员');
}

function seal(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  if (!sealed.startsWith(SEALED_PREFIX)) {
    throw new Error('unknown ciphertext format');
  }
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

const wrapAad = (enterpriseId: string): string => `shangmi:data-key:${enterpriseId}`;

export const wrapDataKey = (master: MasterKey, enterpriseId: string, dataKey: Buffer): string =>
  seal(master.key, dataKey, wrapAad(enterpriseId));

export function unwrapDataKey(master: MasterKey, enterpriseId: string, wrapped: string): Buffer {
  try {
    return open(master.key, wrapped, wrapAad(enterpriseId));
  } catch {
    throw new AppError('secret_key_mismatch', 503, '主密钥与数据密钥不匹配，商业秘密内容暂不可用，请联系系统管理员');
  }
}

/**
 * The enterprise's data key: unwrapped from the database (cached per process), or made and stored on
 * first use. Pass the transaction of the write that needs it so a new key commits with its first use.
 */
export async function dataKeyFor(db: Kysely<DB>, enterpriseId: string): Promise<Buffer> {
  const master = currentMasterKey();
  const cached = dataKeyCache.get(enterpriseId);
  if (cached && cached.masterId === master.id) {
    return cached.key;
  }
  const row = await db
    .selectFrom('secret_data_keys')
    .select(['wrapped_key', 'master_key_id'])
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirst();
  if (row) {
    const key = unwrapDataKey(master, enterpriseId, row.wrapped_key);
    dataKeyCache.set(enterpriseId, { key, masterId: master.id });
    return key;
  }
  // Two first uses at once: the second insert does nothing and both read back the one stored key.
  await db
    .insertInto('secret_data_keys')
    .values({
      enterprise_id: enterpriseId,
      wrapped_key: wrapDataKey(master, enterpriseId, randomBytes(32)),
      master_key_id: master.id,
      created_at: nowIso(),
      rotated_at: null,
    })
    .onConflict((oc) => oc.column('enterprise_id').doNothing())
    .execute();
  const stored = await db
    .selectFrom('secret_data_keys')
    .select('wrapped_key')
    .where('enterprise_id', '=', enterpriseId)
    .executeTakeFirstOrThrow();
  // Not cached: a key made inside a transaction that rolls back must not outlive it.
  return unwrapDataKey(master, enterpriseId, stored.wrapped_key);
}

/** Where a sealed value belongs: table, column and row, so ciphertexts cannot be swapped between rows. */
export interface SealContext {
  table: string;
  column: string;
  rowId: string;
}
const contentAad = (enterpriseId: string, at: SealContext): string =>
  `shangmi:${enterpriseId}:${at.table}:${at.column}:${at.rowId}`;

/** A per-enterprise sealer: encrypt/decrypt text and bytes under the enterprise's data key. */
export interface Sealer {
  encrypt(plaintext: string, at: SealContext): string;
  encryptOptional(plaintext: string | null | undefined, at: SealContext): string | null;
  decrypt(sealed: string, at: SealContext): string;
  decryptOptional(sealed: string | null, at: SealContext): string | null;
  encryptBytes(data: Buffer, at: SealContext): Buffer;
  decryptBytes(data: Buffer, at: SealContext): Buffer;
}

export async function sealerFor(db: Kysely<DB>, enterpriseId: string): Promise<Sealer> {
  const key = await dataKeyFor(db, enterpriseId);
  const encrypt = (plaintext: string, at: SealContext) =>
    seal(key, Buffer.from(plaintext, 'utf8'), contentAad(enterpriseId, at));
  const decrypt = (sealed: string, at: SealContext) => {
    try {
      return open(key, sealed, contentAad(enterpriseId, at)).toString('utf8');
    } catch {
      throw new AppError('secret_ciphertext_invalid', 503, '密文校验失败，内容可能被篡改，请联系系统管理员');
    }
  };
  return {
    encrypt,
    encryptOptional: (plaintext, at) =>
      plaintext === null || plaintext === undefined || plaintext === '' ? null : encrypt(plaintext, at),
    decrypt,
    decryptOptional: (sealed, at) => (sealed === null ? null : decrypt(sealed, at)),
    encryptBytes: (data, at) => Buffer.from(seal(key, data, contentAad(enterpriseId, at)), 'utf8'),
    decryptBytes: (data, at) => open(key, data.toString('utf8'), contentAad(enterpriseId, at)),
  };
}

export interface RotationResult {
  rewrapped: number;
  newKeyId: string;
}

/**
 * Re-wraps every enterprise's data key from `from` to `to`, in one transaction: either every key is
 * under the new master key or none is. Data keys themselves (and so every ciphertext) stay as they are.
 */
export async function rewrapAllDataKeys(db: Kysely<DB>, from: MasterKey, to: MasterKey): Promise<RotationResult> {
  const rewrapped = await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('secret_data_keys').select(['enterprise_id', 'wrapped_key']).execute();
    const at = nowIso();
    for (const row of rows) {
      const key = unwrapDataKey(from, row.enterprise_id, row.wrapped_key);
      await trx
        .updateTable('secret_data_keys')
        .set({ wrapped_key: wrapDataKey(to, row.enterprise_id, key), master_key_id: to.id, rotated_at: at })
        .where('enterprise_id', '=', row.enterprise_id)
        .execute();
    }
    return rows.length;
  });
  dataKeyCache.clear();
  return { rewrapped, newKeyId: to.id };
}

export const newMasterKey = (source: string): MasterKey => toMasterKey(randomBytes(32), source);
export const masterKeyFrom = (key: Buffer, source: string): MasterKey => toMasterKey(key, source);

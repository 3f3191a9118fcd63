import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EVIDENCE_LIMITS } from '@shangmi/shared';
import type { FastifyReply } from 'fastify';
import { AppError } from './errors';
import { attachmentName } from './excel';

/**
 * Uploaded files: what they really are (magic bytes, not the name a browser sends), where they live
 * (`<dataDir>/uploads/<area>/<yyyy>/<mm>/<uuid>`, a name we make, never the user's), and how they go
 * back out (their stored type, as an attachment, with nosniff), so an upload can never run as code
 * in our origin or on the server.
 */

const OOXML: Record<string, string> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word/',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xl/',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'ppt/',
};

const startsWith = (data: Buffer, bytes: readonly number[]): boolean =>
  data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

/** Text without binary control characters, in UTF-8 or GB18030 (what Chinese Windows saves). */
function isPlainText(data: Buffer): boolean {
  if (data.length === 0) {
    return false;
  }
  const body = startsWith(data, [0xef, 0xbb, 0xbf]) ? data.subarray(3) : data;
  // A script's interpreter line would make the file executable if it ever got the x bit.
  if (startsWith(body, [0x23, 0x21])) {
    return false;
  }
  for (const byte of body) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) {
      return false;
    }
    if (byte === 0x7f) {
      return false;
    }
  }
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(body);
      return true;
    } catch {
      // try the next encoding
    }
  }
  return false;
}

/**
 * The allowed type a file's bytes show it to be, or null (executables, archives, scripts, anything
 * not in EVIDENCE_LIMITS). Office files are ZIP containers told apart by the part names they hold.
 */
export function sniffMimeType(data: Buffer): string | null {
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return 'application/pdf';
  }
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'image/png';
  }
  if (startsWith(data, [0xff, 0xd8, 0xff])) {
    return 'image/jpeg';
  }
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) {
    // Part names are stored uncompressed in the local headers and the central directory.
    if (!data.includes('[Content_Types].xml', 0, 'latin1')) {
      return null;
    }
    for (const [mime, prefix] of Object.entries(OOXML)) {
      if (data.includes(`${prefix}`, 0, 'latin1') && data.includes(mainPart(prefix), 0, 'latin1')) {
        return mime;
      }
    }
    return null;
  }
  return isPlainText(data) ? 'text/plain' : null;
}

function mainPart(prefix: string): string {
  switch (prefix) {
    case 'word/':
      return 'word/document.xml';
    case 'xl/':
      return 'xl/workbook.xml';
    default:
      return 'ppt/presentation.xml';
  }
}

const allowedList = (): string =>
  [...new Set(Object.values(EVIDENCE_LIMITS.mimeTypes).flat())].map((e) => e.slice(1).toUpperCase()).join('、');

/**
 * Checks an upload against EVIDENCE_LIMITS: size, an allowed extension, and bytes that really are of
 * that extension's type (a renamed .exe is refused). Returns the type to store and serve.
 */
export function checkEvidenceFile(fileName: string, data: Buffer): { mimeType: string } {
  if (data.length > EVIDENCE_LIMITS.maxBytes) {
    throw new AppError(
      'upload_too_large',
      413,
      `文件超过 ${Math.round(EVIDENCE_LIMITS.maxBytes / 1024 / 1024)} MB 上限`,
    );
  }
  if (data.length === 0) {
    throw new AppError('upload_empty', 400, '上传的文件是空的', [{ field: 'file', message: '上传的文件是空的' }]);
  }
  const extension = path.extname(fileName).toLowerCase();
  const declared = Object.entries(EVIDENCE_LIMITS.mimeTypes).find(([, extensions]) =>
    extensions.includes(extension),
  )?.[0];
  if (!declared) {
    const message = `不支持的文件类型「${extension || '无扩展名'}」，仅支持 ${allowedList()}`;
    throw new AppError('upload_type_not_allowed', 415, message, [{ field: 'file', message }]);
  }
  const actual = sniffMimeType(data);
  if (actual !== declared) {
    const message = `文件内容与扩展名「${extension}」不符（可能是改名的可执行文件或其他格式），已拒绝`;
    throw new AppError('upload_content_mismatch', 415, message, [{ field: 'file', message }]);
  }
  return { mimeType: declared };
}

export interface StoredFile {
  /** Path relative to `<dataDir>/uploads`, e.g. `evidence/2026/11/<uuid>`. */
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

const KEY_PATTERN = /^[a-z]+\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

function resolveKey(dataDir: string, storageKey: string): string {
  if (!KEY_PATTERN.test(storageKey)) {
    throw new Error(`invalid storage key ${storageKey}`);
  }
  return path.join(uploadsDir(dataDir), ...storageKey.split('/'));
}

/**
 * Writes the bytes under a name we make, readable and writable by the server only (0600: never
 * executable). Written to a temporary name and renamed, so a crash never leaves half a file in place.
 */
export async function storeUpload(dataDir: string, area: string, data: Buffer): Promise<StoredFile> {
  const now = new Date();
  const storageKey = `${area}/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${randomUUID()}`;
  const target = resolveKey(dataDir, storageKey);
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temporary = `${target}.part`;
  await fs.writeFile(temporary, data, { mode: 0o600, flag: 'wx' });
  await fs.rename(temporary, target);
  return { storageKey, sha256: createHash('sha256').update(data).digest('hex'), sizeBytes: data.length };
}

/** Removes a stored file (after a failed transaction); a missing file is not an error. */
export async function removeUpload(dataDir: string, storageKey: string): Promise<void> {
  await fs.rm(resolveKey(dataDir, storageKey), { force: true });
}

export async function readUpload(dataDir: string, storageKey: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(resolveKey(dataDir, storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }
    throw error;
  }
}

/** Sends a stored file as a download: its stored type, never rendered inline, never type-sniffed. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { data: Buffer; mimeType: string; fileName: string },
): FastifyReply {
  return reply
    .type(file.mimeType)
    .header('content-disposition', attachmentName(file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .send(file.data);
}

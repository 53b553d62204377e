/**
 * Files attached to requests, stored under <dataDir>/uploads/requests/<agency>/<year>/ with a random name.
 * Size and type are checked (extension, declared type and the file's first bytes must agree).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError, ValidationError } from '../errors.ts';
import { safeFileName } from '../text/file-name.ts';

/** 10 MB per file: a scanned ID card or a few pages of a letter. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOADS_PER_SUBMIT = 5;

const TYPES: Record<string, { mime: string; magic: number[] | null }> = {
  '.pdf': { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  '.jpg': { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.jpeg': { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  '.png': { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  '.docx': {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  '.doc': { mime: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0] },
  '.txt': { mime: 'text/plain; charset=utf-8', magic: null },
};

export const ACCEPT_ATTR = Object.keys(TYPES).join(',');

export interface UploadInput {
  name: string;
  bytes: Uint8Array;
}

export interface StoredUpload {
  fileName: string;
  contentType: string;
  size: number;
  storagePath: string;
}

/** Check an upload; ValidationError with the reason in Chinese. */
export function checkUpload(u: UploadInput): { ext: string; mime: string } {
  const ext = path.extname(u.name).toLowerCase();
  const t = TYPES[ext];
  if (!t)
    throw new ValidationError(`不支持的文件类型：${u.name}（可上传 PDF、JPG、PNG、Word、TXT）`, {
      files: '文件类型不支持',
    });
  if (u.bytes.length === 0) throw new ValidationError(`文件为空：${u.name}`, { files: '文件为空' });
  if (u.bytes.length > MAX_UPLOAD_BYTES)
    throw new DomainError('too_large', `文件过大：${u.name}（每个文件不超过10MB）`);
  if (t.magic && !t.magic.every((b, i) => u.bytes[i] === b))
    throw new ValidationError(`文件内容与扩展名不符：${u.name}`, { files: '文件内容与类型不符' });
  return { ext, mime: t.mime };
}

/** Write an upload to disk (after checkUpload). */
export async function storeUpload(
  dataDir: string,
  agencyId: number,
  year: number,
  u: UploadInput,
): Promise<StoredUpload> {
  const { ext, mime } = checkUpload(u);
  const rel = path.join(
    'uploads',
    'requests',
    String(agencyId),
    String(year),
    crypto.randomBytes(16).toString('hex') + ext,
  );
  const abs = path.join(dataDir, rel);
  await fs.mkdir(path.dirname(abs), { recursive: true });
  await fs.writeFile(abs, u.bytes, { flag: 'wx' });
  return {
    fileName: safeFileName(path.basename(u.name)),
    contentType: mime,
    size: u.bytes.length,
    storagePath: rel,
  };
}

/** Read a stored upload back. */
export async function readUpload(dataDir: string, storagePath: string): Promise<Buffer> {
  const abs = path.resolve(dataDir, storagePath);
  if (!abs.startsWith(path.resolve(dataDir) + path.sep)) throw new ValidationError('文件路径不正确');
  return fs.readFile(abs);
}

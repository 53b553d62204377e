/**
 * Files attached to requests (and to 互动交流 messages), stored in the file store (src/storage) under
 * requests/<agency>/<year>/ with a random name, in the same step as the rows that name them.
 * Size and type are checked (extension, declared type and the file's first bytes must agree).
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db, Trx } from '../db/database.ts';
import { DomainError, ValidationError } from '../errors.ts';
import { fileStep, type FileStore, type OpenedFile, type StepFiles } from '../storage/index.ts';
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

/** A file already in the file store's staging area (uploads/staged-upload.ts): copied, never read into memory. */
export interface StagedRef {
  key: string;
  size: number;
  /** The file's first bytes, for the type check. */
  head: Uint8Array;
}

/** An upload: its bytes, or a staged file. */
export type UploadInput = { name: string } & ({ bytes: Uint8Array } | { staged: StagedRef });

const sizeOf = (u: UploadInput) => ('staged' in u ? u.staged.size : u.bytes.length);
const headOf = (u: UploadInput) => ('staged' in u ? u.staged.head : u.bytes);

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
  if (sizeOf(u) === 0) throw new ValidationError(`文件为空：${u.name}`, { files: '文件为空' });
  if (sizeOf(u) > MAX_UPLOAD_BYTES)
    throw new DomainError('too_large', `文件过大：${u.name}（每个文件不超过10MB）`);
  const head = headOf(u);
  if (t.magic && !t.magic.every((b, i) => head[i] === b))
    throw new ValidationError(`文件内容与扩展名不符：${u.name}`, { files: '文件内容与类型不符' });
  return { ext, mime: t.mime };
}

/** Uploads waiting to be written with the record they belong to. */
export interface PendingUploads {
  store: FileStore;
  files: UploadInput[];
}

/**
 * The row's storage_path: the store key under an `uploads/` prefix (the layout of the data directory, kept so rows
 * written before the file store keep their meaning).
 */
const PREFIX = 'uploads/';
export const uploadKey = (storagePath: string) =>
  storagePath.startsWith(PREFIX) ? storagePath.slice(PREFIX.length) : storagePath;

/** Write one checked upload as part of a step. */
export async function putUpload(
  step: StepFiles,
  agencyId: number,
  year: number,
  u: UploadInput,
): Promise<StoredUpload> {
  const { ext, mime } = checkUpload(u);
  const key = `requests/${agencyId}/${year}/${crypto.randomBytes(16).toString('hex')}${ext}`;
  const stored =
    'staged' in u
      ? await step.copy(u.staged.key, key)
      : await step.put(key, u.bytes, { maxBytes: MAX_UPLOAD_BYTES });
  return {
    fileName: safeFileName(path.basename(u.name)),
    contentType: mime,
    size: stored.size,
    storagePath: PREFIX + key,
  };
}

/** One transaction in which `pending`'s files are written (checked first) and `fn` writes the rows naming them. */
export async function withUploads<T>(
  db: Db,
  pending: PendingUploads | undefined,
  place: { agencyId: number; year: number },
  fn: (trx: Trx, stored: StoredUpload[]) => Promise<T>,
): Promise<T> {
  const files = pending?.files ?? [];
  files.forEach(checkUpload);
  if (!pending || files.length === 0) return db.transaction().execute((trx) => fn(trx, []));
  return fileStep(db, pending.store, async (trx, step) => {
    const stored: StoredUpload[] = [];
    for (const u of files) stored.push(await putUpload(step, place.agencyId, place.year, u));
    return fn(trx, stored);
  });
}

/** Open a stored upload (streamed), or a ValidationError when the path is not one of ours / the file is gone. */
export async function openUpload(db: Db, store: FileStore, storagePath: string): Promise<OpenedFile> {
  const f = await store.open(db, uploadKey(storagePath));
  if (!f) throw new ValidationError('文件不存在或已被删除');
  return f;
}

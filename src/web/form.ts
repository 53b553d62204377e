import { ValidationError } from '../errors.ts';
import type { C } from './app-env.ts';
import { safeFileName } from '../text/file-name.ts';
import { UploadedFile } from '../uploads/staged-upload.ts';

/** Form fields as strings (multi-valued fields as arrays), from urlencoded or multipart bodies. */
export async function formData(c: C): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function str(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function list(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** '' → null, '12' → 12 (for optional foreign keys). */
export function optId(v: string | string[] | undefined): number | null {
  const s = str(v).trim();
  return s ? Number(s) : null;
}

/** Highest page number a list accepts (offsets stay far inside every database's integer range). */
export const MAX_PAGE = 100_000;

/** The ?page= of a list: 1 when absent; a 400 in Chinese for anything but a whole number 1…MAX_PAGE ("1e309", "-1"). */
export function pageParam(c: C, name = 'page'): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return 1;
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE) {
    throw new ValidationError(`页码不正确：请使用 1 至 ${MAX_PAGE} 之间的整数页码`, { [name]: '页码不正确' });
  }
  return Number(raw);
}

/**
 * The non-empty files of a multipart field (at most `max`, else a ValidationError naming the limit), as references
 * to the staged files the streaming parser wrote (web/multipart-body.ts): their bytes stay in the file store.
 */
export async function uploadedFiles(
  c: C,
  max: number,
  field = 'files',
): Promise<{ name: string; staged: UploadedFile }[]> {
  const body = await c.req.parseBody({ all: true });
  const raw = body[field];
  const files = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
    (f): f is UploadedFile => f instanceof UploadedFile && f.size > 0,
  );
  if (files.length > max) throw new ValidationError(`附件最多${max}个`, { [field]: '附件过多' });
  return files.map((f) => ({ name: safeFileName(f.name), staged: f }));
}

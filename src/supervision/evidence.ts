/**
 * Evidence of a problem, a rectification, a 回头看 or a 督办 answer: text, a link (to the item concerned) or a photo.
 * Photos are checked by their bytes (JPEG or PNG), limited in size, and kept in the database so every instance
 * serves them and a database backup holds them.
 */
import type { DbOrTrx } from '../db/database.ts';
import type { Ctx } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { toNumber } from '../db/values.ts';
import { safeFileName } from '../text/file-name.ts';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 6;

export type EvidenceInput =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string }
  | { kind: 'photo'; fileName: string; bytes: Uint8Array };

export type EvidenceStage = 'found' | 'rectification' | 'follow_up' | 'answer';
export const STAGE_LABELS: Record<EvidenceStage, string> = {
  found: '发现问题',
  rectification: '整改佐证',
  follow_up: '回头看',
  answer: '督办答复',
};

export function photoMime(bytes: Uint8Array): string | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'image/png';
  return null;
}

/** A link is an internal path (/…) or an http(s) address. */
export function isEvidenceLink(s: string): boolean {
  return /^\/[^\s]*$/.test(s) || /^https?:\/\/[^\s]+$/.test(s);
}

/** Check every item before anything is written; throws a ValidationError naming the field. */
export function checkEvidence(items: EvidenceInput[], field = 'photos'): void {
  if (items.filter((i) => i.kind === 'photo').length > MAX_PHOTOS)
    throw new ValidationError(`最多上传${MAX_PHOTOS}张照片`, { [field]: `最多${MAX_PHOTOS}张` });
  for (const i of items) {
    if (i.kind === 'photo') {
      if (i.bytes.length > MAX_PHOTO_BYTES)
        throw new ValidationError('照片不能超过5MB', { [field]: `“${i.fileName}”超过5MB` });
      if (!photoMime(i.bytes))
        throw new ValidationError('照片只能是JPG或PNG格式', { [field]: `“${i.fileName}”不是JPG或PNG图片` });
    } else if (i.kind === 'link' && !isEvidenceLink(i.text)) {
      throw new ValidationError('链接应为本系统内的地址（以/开头）或http(s)网址', { link: '链接格式不正确' });
    }
  }
}

export async function insertEvidence(
  trx: DbOrTrx,
  ctx: Pick<Ctx, 'actor' | 'clock'>,
  problemId: number,
  stage: EvidenceStage,
  items: EvidenceInput[],
): Promise<void> {
  const by = ctx.actor.kind === 'user' || ctx.actor.kind === 'system' ? ctx.actor.name : '公众';
  for (const i of items) {
    if (i.kind === 'photo' ? false : !i.text.trim()) continue;
    await trx
      .insertInto('sv_evidence')
      .values({
        problem_id: problemId,
        stage,
        kind: i.kind,
        text: i.kind === 'photo' ? null : i.text.trim(),
        file_name: i.kind === 'photo' ? safeFileName(i.fileName, '照片') : null,
        mime: i.kind === 'photo' ? photoMime(i.bytes) : null,
        size_bytes: i.kind === 'photo' ? i.bytes.length : null,
        content_base64: i.kind === 'photo' ? Buffer.from(i.bytes).toString('base64') : null,
        created_by_name: by,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  }
}

export interface Evidence {
  id: number;
  stage: EvidenceStage;
  kind: 'text' | 'photo' | 'link';
  text: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  createdByName: string;
  createdAt: string;
}

export async function listEvidence(db: DbOrTrx, problemId: number): Promise<Evidence[]> {
  const rows = await db
    .selectFrom('sv_evidence')
    .select(['id', 'stage', 'kind', 'text', 'file_name', 'size_bytes', 'created_by_name', 'created_at'])
    .where('problem_id', '=', problemId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: toNumber(r.id),
    stage: r.stage as EvidenceStage,
    kind: r.kind as Evidence['kind'],
    text: r.text,
    fileName: r.file_name,
    sizeBytes: r.size_bytes == null ? null : toNumber(r.size_bytes),
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
}

export async function getPhoto(
  db: DbOrTrx,
  problemId: number,
  evidenceId: number,
): Promise<{ mime: string; bytes: Buffer; fileName: string } | undefined> {
  const r = await db
    .selectFrom('sv_evidence')
    .select(['mime', 'content_base64', 'file_name'])
    .where('id', '=', evidenceId)
    .where('problem_id', '=', problemId)
    .where('kind', '=', 'photo')
    .executeTakeFirst();
  if (!r?.content_base64 || !r.mime) return undefined;
  return { mime: r.mime, bytes: Buffer.from(r.content_base64, 'base64'), fileName: r.file_name ?? 'photo' };
}

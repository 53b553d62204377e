/**
 * Attach a photo to a village item: a voucher / site / minutes photo while it is a draft (the liaison), or a photo
 * of the 公开栏 after publication (张贴 as evidence of offline disclosure; 撤下 when the 公示期 ends). Shrunk on the
 * server (photos.ts); stored in the file store (src/storage) under villages/<agency>/, in one step with its row.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { fileStep, type FileStore } from '../storage/index.ts';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, InvalidStateError, ValidationError } from '../errors.ts';
import { villagePolicy } from './village.policy.ts';
import { loadDisclosure } from './disclosure-context.ts';
import { shrinkPhoto } from './photos.ts';
import { FILE_PURPOSE_LABELS, FILE_PURPOSES, listFiles, type FilePurpose } from './villages.queries.ts';
import { cutChars } from '../text/cut.ts';
import { safeFileName } from '../text/file-name.ts';

export const MAX_FILES = 30;
const BOARD: FilePurpose[] = ['board_posted', 'board_removed'];

export async function addDisclosurePhoto(
  ctx: Ctx,
  files: FileStore,
  id: number,
  purpose: string,
  file: { name: string; bytes: Uint8Array },
): Promise<number> {
  if (!(FILE_PURPOSES as readonly string[]).includes(purpose))
    throw new ValidationError('请选择照片用途', { purpose: '请选择' });
  const p = purpose as FilePurpose;
  const { item, scope, facts } = await loadDisclosure(ctx, id);
  if (BOARD.includes(p)) {
    assertCan(villagePolicy.recordBoard(ctx.actor, scope, facts), {
      message: '事项发布后，本村信息联络员才能上传公开栏照片',
    });
    if (p === 'board_removed' && !item.boardPostedAt) throw new InvalidStateError('请先上传张贴照片');
  } else {
    assertCan(villagePolicy.edit(ctx.actor, scope, facts), { message: '只有草稿或退回的事项可以添加照片' });
  }
  if ((await listFiles(ctx.db, id)).length >= MAX_FILES)
    throw new ValidationError(`每个事项最多${MAX_FILES}张照片`);
  const photo = await shrinkPhoto(file.bytes);
  const key = `villages/${item.agencyId}/${crypto.randomBytes(16).toString('hex')}.jpg`;
  const actor = ctx.actor as Extract<Ctx['actor'], { kind: 'user' }>;
  const now = ctx.clock.now().toISOString();
  return fileStep(ctx.db, files, async (trx, step) => {
    const stored = await step.put(key, photo.bytes);
    const name =
      safeFileName(path.basename(file.name).replace(/\.[^.]*$/, '') || FILE_PURPOSE_LABELS[p]) + '.jpg';
    const r = await trx
      .insertInto('village_disclosure_files')
      .values({
        disclosure_id: id,
        purpose: p,
        file_name: name,
        mime: 'image/jpeg',
        size: stored.size,
        sha256: stored.sha256,
        storage_key: key,
        width: photo.width,
        height: photo.height,
        taken_at: photo.takenAt,
        latitude: photo.latitude == null ? null : photo.latitude.toFixed(6),
        longitude: photo.longitude == null ? null : photo.longitude.toFixed(6),
        created_by_name: actor.name,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p === 'board_posted' && !item.boardPostedAt)
      await trx
        .updateTable('village_disclosures')
        .set({ board_posted_at: photo.takenAt ?? now })
        .where('id', '=', id)
        .execute();
    if (p === 'board_removed')
      await trx
        .updateTable('village_disclosures')
        .set({ board_removed_at: photo.takenAt ?? now })
        .where('id', '=', id)
        .execute();
    await recordEvent(trx, ctx, {
      action:
        p === 'board_posted'
          ? 'village_disclosure.board_posted'
          : p === 'board_removed'
            ? 'village_disclosure.board_removed'
            : 'village_disclosure.file_added',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: {
        purpose: p,
        size: photo.bytes.length,
        takenAt: photo.takenAt,
        hasPlace: photo.latitude != null,
      },
    });
    return r.id;
  });
}

/** Remove a draft's photo (not board photos: they are evidence). */
export async function removeDisclosurePhoto(
  ctx: Ctx,
  files: FileStore,
  id: number,
  fileId: number,
): Promise<void> {
  const { item, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.edit(ctx.actor, scope, facts), { message: '只有草稿或退回的事项可以删除照片' });
  const f = (await listFiles(ctx.db, id)).find((x) => x.id === fileId && !BOARD.includes(x.purpose));
  if (!f) throw new ValidationError('照片不存在');
  await fileStep(ctx.db, files, async (trx, step) => {
    await trx.deleteFrom('village_disclosure_files').where('id', '=', fileId).execute();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.file_removed',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      before: { purpose: f.purpose, sha256: f.sha256 },
    });
    await step.remove(f.storageKey);
  });
}

/** The 撤下 record without a photo, once the 公示期 is over. */
export async function recordBoardRemoved(ctx: Ctx, id: number, note: string): Promise<void> {
  const { item, scope, facts } = await loadDisclosure(ctx, id);
  assertCan(villagePolicy.recordBoard(ctx.actor, scope, facts), {
    message: '只有本村信息联络员可以登记撤下',
  });
  if (!item.boardPostedAt) throw new InvalidStateError('尚未登记张贴，不能登记撤下');
  if (item.noticeEndOn && ctx.clock.today() <= item.noticeEndOn)
    throw new InvalidStateError(`公示期至${item.noticeEndOn}，期满后才能撤下`);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('village_disclosures')
      .set({ board_removed_at: now, board_removed_note: cutChars(note.trim(), 500) || '公示期满撤下' })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'village_disclosure.board_removed',
      objectType: 'village_disclosure',
      objectId: id,
      agencyId: item.agencyId,
      after: { note: note.trim() || null },
    });
  });
}

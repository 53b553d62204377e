/**
 * Attach a file to a draft: type checked by its bytes (attachment-type.ts), size limited, stored in the file store
 * (src/storage) under publications/<agency>/ with a random name.
 * Its text is read (bounded) for the secrecy scan and the search index, with the reason when it cannot be read (an
 * image, a scan, an encrypted or broken file). The files and their rows are written in one step, so nothing is
 * half-saved.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Insertable } from 'kysely';
import { fileStep, type FileStore } from '../storage/index.ts';
import type { Ctx } from '../context.ts';
import type { PublicationAttachmentTable } from './publications.tables.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ValidationError } from '../errors.ts';
import { publicationPolicy } from './publication.policy.ts';
import { loadPublication, reindexPublication } from './publication-context.ts';
import { ATTACHMENT_MIME, checkAttachment, MAX_ATTACHMENTS } from './attachment-type.ts';
import { readText } from '../documents/read-text.ts';
import { listAttachments } from './publications.queries.ts';
import { safeFileName } from '../text/file-name.ts';

export interface FileInput {
  name: string;
  bytes: Uint8Array;
}

export async function addAttachments(
  ctx: Ctx,
  files: FileStore,
  id: number,
  input: FileInput[],
): Promise<void> {
  const { item, scope, facts } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.edit(ctx.actor, scope, facts), {
    message: '只有草稿或已退回的信息可以添加附件',
  });
  const existing = await listAttachments(ctx.db, id);
  if (existing.length + input.length > MAX_ATTACHMENTS)
    throw new ValidationError(`每条信息最多${MAX_ATTACHMENTS}个附件`, { files: '附件过多' });
  // Check every file before writing any.
  const checked = input.map((f) => {
    const name = safeFileName(path.basename(f.name), '附件');
    const r = checkAttachment(name, f.bytes);
    if (!r.ok) throw new ValidationError(r.message, { files: r.message });
    return { name, bytes: f.bytes, type: r.type };
  });
  await fileStep(ctx.db, files, async (trx, step) => {
    const rows: Insertable<PublicationAttachmentTable>[] = [];
    for (const f of checked) {
      const reading = await readText(f.type, f.bytes);
      const key = `publications/${item.agencyId}/${crypto.randomBytes(16).toString('hex')}.${f.type}`;
      const stored = await step.put(key, f.bytes);
      rows.push({
        publication_id: id,
        file_name: f.name,
        mime: ATTACHMENT_MIME[f.type],
        size: stored.size,
        sha256: stored.sha256,
        storage_key: key,
        text: reading.ok ? reading.text : null,
        text_status: reading.ok ? (reading.truncated ? 'truncated' : 'read') : reading.problem,
        created_at: ctx.clock.now().toISOString(),
      });
    }
    await trx.insertInto('publication_attachments').values(rows).execute();
    await recordEvent(trx, ctx, {
      action: 'publication.attachment_added',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      after: rows.map((r) => ({ file: r.file_name, size: r.size, sha256: r.sha256 })),
    });
    await reindexPublication(trx, id, ctx.clock.now());
  });
}

export async function removeAttachment(
  ctx: Ctx,
  files: FileStore,
  id: number,
  attachmentId: number,
): Promise<void> {
  const { item, scope, facts } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.edit(ctx.actor, scope, facts), {
    message: '只有草稿或已退回的信息可以删除附件',
  });
  const att = (await listAttachments(ctx.db, id)).find((a) => a.id === attachmentId);
  if (!att) throw new ValidationError('附件不存在');
  await fileStep(ctx.db, files, async (trx, step) => {
    await trx.deleteFrom('publication_attachments').where('id', '=', attachmentId).execute();
    await recordEvent(trx, ctx, {
      action: 'publication.attachment_removed',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      before: { file: att.fileName, sha256: att.sha256 },
    });
    await reindexPublication(trx, id, ctx.clock.now());
    await step.remove(att.storageKey);
  });
}

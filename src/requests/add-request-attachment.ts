/** Attach a stored file (checked and written by uploads.ts) to a request. */
import type { Ctx } from '../context.ts';
import { nowIso } from '../db/values.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import type { StoredUpload } from './uploads.ts';

export async function addRequestAttachment(ctx: Ctx, id: number, file: StoredUpload) {
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.attachment_added',
    async run({ trx }) {
      await trx
        .insertInto('request_attachments')
        .values({
          request_id: id,
          file_name: file.fileName,
          content_type: file.contentType,
          size: file.size,
          storage_path: file.storagePath,
          source: 'office',
          uploaded_by_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return { audit: { note: file.fileName } };
    },
  });
}

/**
 * Attach a stored file (checked and written by uploads.ts) to a request. `disclosed`: the file is information the
 * reply provides, which an applicant who chose 网上获取 downloads on the tracking page once the reply is issued.
 */
import type { Ctx } from '../context.ts';
import { nowIso } from '../db/values.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import type { StoredUpload } from './uploads.ts';
import { DISCLOSED_SOURCE } from './track-request.ts';

export async function addRequestAttachment(ctx: Ctx, id: number, file: StoredUpload, disclosed = false) {
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
          source: disclosed ? DISCLOSED_SOURCE : 'office',
          uploaded_by_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return { audit: { note: disclosed ? `${file.fileName}（答复提供的信息）` : file.fileName } };
    },
  });
}

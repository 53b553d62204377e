/**
 * Attach an uploaded file (checked by uploads.ts) to a request: the file and its row are written in one step.
 * `disclosed`: the file is information the reply provides, which an applicant who chose 网上获取 downloads on the
 * tracking page once the reply is issued.
 */
import type { Ctx } from '../context.ts';
import { nowIso } from '../db/values.ts';
import { openStep, type FileStore } from '../storage/index.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';
import { checkUpload, putUpload, type UploadInput } from './uploads.ts';
import { DISCLOSED_SOURCE } from './track-request.ts';

export async function addRequestAttachment(
  ctx: Ctx,
  id: number,
  store: FileStore,
  upload: UploadInput,
  disclosed = false,
) {
  checkUpload(upload);
  const step = openStep(store);
  try {
    const r = await requestStep(ctx, id, {
      policy: 'handle',
      audit: 'request.attachment_added',
      async run({ trx, request }) {
        const file = await putUpload(step.files(trx), request.agencyId, request.refYear, upload);
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
    await step.committed();
    return r;
  } catch (e) {
    await step.failed();
    throw e;
  }
}
